namespace TextLens.Core.Analyzers.Novelty;

/// <summary>
/// What a document adds to a body of earlier documents (<see cref="NoveltyAnalyzer"/>): the documents it is closest
/// to, the salient terms the corpus rarely uses, and which of its themes the corpus has not seen.
/// </summary>
/// <param name="CorpusDocuments">How many documents it was compared with (the corpus, less the document itself when the corpus holds it).</param>
/// <param name="Nearest">The closest documents, most similar first.</param>
/// <param name="NewTerms">Keywords of the document that are rare in the corpus, in keyword rank order.</param>
/// <param name="Themes">Each theme of the document with its closest corpus document, in theme order.</param>
public sealed record NoveltyResult(int CorpusDocuments, IReadOnlyList<NearDocument> Nearest, IReadOnlyList<NewTerm> NewTerms, IReadOnlyList<ThemeNovelty> Themes);

/// <summary>A corpus document close to this one: its id (path), short name, cosine similarity in [0, 1] and the terms that make them close.</summary>
public sealed record NearDocument(string Id, string Name, double Similarity, IReadOnlyList<string> SharedTerms);

/// <summary>A keyword of this document and in how many corpus documents it occurs.</summary>
public sealed record NewTerm(string Text, int Documents);

/// <summary>A theme of this document, its closest corpus document (null when none shares a term) and whether the corpus has not seen it.</summary>
public sealed record ThemeNovelty(int Theme, string Label, string? Closest, double Similarity, bool New);
