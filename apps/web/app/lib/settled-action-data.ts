import { useActionData, useNavigation } from '@remix-run/react';

/**
 * The action's answer, shown only once the page has reloaded its data. Remix hands over action data
 * while loaders are still revalidating; a "moved to 面试中" notice shown then sits above the old
 * form, which is replaced moments later (losing anything typed into it on a slow connection).
 */
export function useSettledActionData<T>(): ReturnType<typeof useActionData<T>> {
  const result = useActionData<T>();
  const navigation = useNavigation();
  return navigation.state === 'idle' ? result : undefined;
}
