/** The largest import the forms accept (the app's urlencoded body limit is 200 KB, and encoding inflates JSON). */
export const IMPORT_LIMIT_TEXT = 'about 150 KB of JSON (a whole questionnaire is about 50 KB)'
