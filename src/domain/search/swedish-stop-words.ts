// PostgreSQL's Swedish stop words (src/backend/snowball/stopwords/swedish.stop, as installed in
// /usr/share/postgresql/15/tsearch_data/swedish.stop), copied so that SQLite leaves out exactly the words
// that to_tsvector('swedish', …) leaves out. The list comes from the Snowball project:
// Copyright (c) 2001, Dr Martin Porter; Copyright (c) 2004-2005, Richard Boulton. BSD 3-clause licence
// (https://snowballstem.org/license.html): redistribution with or without modification is permitted
// provided the copyright notice, this list of conditions and the disclaimer are retained.
// Do not edit: a change here must be a change in PostgreSQL's list too, or the two databases disagree.

// biome-ignore format: a word list reads best packed
export const swedishStopWords: ReadonlySet<string> = new Set([
  'och', 'det', 'att', 'i', 'en', 'jag', 'hon', 'som', 'han', 'på', 'den', 'med', 'var', 'sig', 'för',
  'så', 'till', 'är', 'men', 'ett', 'om', 'hade', 'de', 'av', 'icke', 'mig', 'du', 'henne', 'då', 'sin',
  'nu', 'har', 'inte', 'hans', 'honom', 'skulle', 'hennes', 'där', 'min', 'man', 'ej', 'vid', 'kunde',
  'något', 'från', 'ut', 'när', 'efter', 'upp', 'vi', 'dem', 'vara', 'vad', 'över', 'än', 'dig', 'kan',
  'sina', 'här', 'ha', 'mot', 'alla', 'under', 'någon', 'eller', 'allt', 'mycket', 'sedan', 'ju', 'denna',
  'själv', 'detta', 'åt', 'utan', 'varit', 'hur', 'ingen', 'mitt', 'ni', 'bli', 'blev', 'oss', 'din',
  'dessa', 'några', 'deras', 'blir', 'mina', 'samma', 'vilken', 'er', 'sådan', 'vår', 'blivit', 'dess',
  'inom', 'mellan', 'sådant', 'varför', 'varje', 'vilka', 'ditt', 'vem', 'vilket', 'sitta', 'sådana',
  'vart', 'dina', 'vars', 'vårt', 'våra', 'ert', 'era', 'vilkas',
])
