export interface OutgoingNotification {
  id: string;
  userId: string;
  phone: string | null;
  locale: string;
  kind: string;
  payload: Record<string, unknown>;
}
