/** Sessions expire after CLEARBUILD_SESSION_HOURS (default 12) and are extended at most hourly while used. */
export function sessionLifetime(env: NodeJS.ProcessEnv = process.env): { expiresIn: number; updateAge: number } {
  const hours = Number(env.CLEARBUILD_SESSION_HOURS);
  const expiresIn = Math.round((Number.isFinite(hours) && hours > 0 ? hours : 12) * 3600);
  return { expiresIn, updateAge: Math.min(3600, expiresIn) };
}
