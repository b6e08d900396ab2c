// Package assist is Coder's offline coding assistant: it learns, on the
// researcher's machine and from nothing but the codings already made, which
// passages resemble a code's coded ones, and suggests uncoded passages with a
// score and the words that drove it. Nothing leaves the machine and no model
// is downloaded: the features and the classifier are written here in Go.
//
// Units. The candidates are a document's passages (paragraphs, speaker
// turns); a passage longer than maxUnitRunes is cut into its lines, and a
// line longer than that into sentence-sized spans. A unit is coded with a
// code when a coding of it overlaps the unit.
//
// Features. The words come from analysis.Tokenize (the same segmenter the
// word lists use, dictionary-segmented for Chinese), stop words left out and
// words stemmed: word unigrams and bigrams, character trigrams of each
// non-Han word and character bigrams of each run of Han characters (CJK
// bigrams), weighted by sublinear TF-IDF and normalised to unit length.
// Features seen in fewer than two units are dropped. A document whose
// function words are mostly Hungarian (see lang.go) also loses a
// hand-made list of Hungarian function words and gets Snowball's Hungarian
// stemmer; others the project's stop words and the English stemmer. A
// Builder keeps every document's features and computes them again only
// for a document whose text or passages changed. An open project keeps its
// Builder, so what it holds is kept small: a document's counts as varints
// in one byte array, its text as the string, the vectors of all units in
// two arrays (16-bit steps between feature numbers, float32 values).
//
// Classifier. One logistic regression per code, trained by stochastic
// gradient descent with a fixed seed: coded units are positives, and a
// sample of the uncoded units of coded documents (ten per positive, at
// least 2,000) negatives, classes balanced. Passages the researcher
// rejected count as negatives with triple weight (and are never suggested
// again). Units of documents nobody has coded are not learnt from (they
// are unread, not "not the code") but are suggested. A suggestion's words
// are the word features with the largest contribution (weight × value) to
// its score. A code's threshold is chosen from its own codings by
// three-fold cross-validation (the cut with the best F1 at finding the
// held-out passages, never below 0.5; see threshold.go).
//
// Threshold. A code is learnt from only when it has at least MinExamples
// codings. Five is the smallest number for which holding out a fifth for
// evaluation still leaves four to train on, and below that the model merely
// echoes the few words of one or two passages: its suggestions would be
// keyword search under another name.
package assist
