// Hours and minutes in the centre's zone, for "offline since 10:42".
export const formatTime = (ms: number, timeZone: string, language: string) =>
  new Intl.DateTimeFormat(language, { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(ms);
