import { toApiError } from '../api/api-error';

const parseBody = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/**
 * Downloads `url` (same origin, the session cookie) and saves it as `fileName`. The file is fetched rather
 * than linked so the name is the one we chose, a slow PDF can say it is being prepared, and a refusal (no
 * Chromium, no longer a member) is shown in the page instead of replacing it with an error document.
 */
export async function downloadFile(url: string, fileName: string): Promise<{ bytes: number }> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', headers: { accept: '*/*' } });
  } catch {
    throw toApiError(0, null);
  }
  if (!response.ok) {
    const text = await response.text();
    throw toApiError(response.status, parseBody(text));
  }
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  try {
    const a = document.createElement('a');
    a.href = href;
    a.download = fileName;
    a.hidden = true;
    document.body.append(a);
    a.click();
    a.remove();
  } finally {
    // Revoking at once can cancel the save in some browsers; a minute is plenty.
    setTimeout(() => URL.revokeObjectURL(href), 60_000);
  }
  return { bytes: blob.size };
}
