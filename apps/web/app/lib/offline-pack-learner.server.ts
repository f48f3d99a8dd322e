// The learner's offline URLs (her lessons, progress, certificates): owned and filled in by the learner offline work; [] until then.
export async function learnerOfflineUrls(_request: Request): Promise<string[]> {
  return [];
}
