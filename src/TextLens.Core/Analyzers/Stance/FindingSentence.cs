using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Analyzers.Stance;

/// <summary>
/// One sentence as the TL3001–TL3004 rules read it: its tokens and tags, which tokens are quoted or
/// inside a reference (<see cref="ParsedDocument.References"/>), and two properties of the whole
/// sentence — whether it states what a law, bill, rule or court provides (<see cref="DescribesLaw"/>)
/// and whether it names where its facts come from (<see cref="NamesSource"/>).
/// </summary>
internal sealed class FindingSentence
{
    /// <summary>Words that make a sentence a statement of what a law, bill, rule, contract or court provides.</summary>
    private static readonly HashSet<string> LegalWords = new(StringComparer.Ordinal)
    {
        "law", "laws", "statute", "statutes", "statutory", "statutorily", "regulation", "regulations", "regulatory", "rule", "rules",
        "rulemaking", "provision", "provisions", "bill", "bills", "legislation", "enacted", "enacts", "codified", "amended", "amends",
        "authorizes", "authorized", "authorization", "authorizing", "appropriated", "appropriates", "appropriation", "appropriations",
        "requires", "required", "requirement", "requirements", "prohibits", "prohibited", "prohibition", "mandate", "mandates", "mandated",
        "mandatory", "eligible", "eligibility", "ineligible", "court", "courts", "ruled", "judge", "plaintiffs", "defendants", "petitioner",
        "ordinance", "directive", "guidance", "exemption", "exemptions", "waiver", "waivers", "permit", "permits", "license", "licensed",
        "contract", "contracts", "agreement", "constitution", "constitutional", "clause", "amendment", "subsection", "paragraph",
        "must", "shall", "pursuant", "authority", "statute's", "enforceable", "codify", "codifies",
    };

    /// <summary>Capitalised words that name a legal instrument (the Act, the Code, the Constitution).</summary>
    private static readonly HashSet<string> LegalNames = new(StringComparer.Ordinal) { "Act", "Code", "Constitution", "Rule", "Regulation", "Directive", "Order" };

    /// <summary>Words that say where a figure or claim comes from.</summary>
    private static readonly HashSet<string> SourceWords = new(StringComparer.Ordinal)
    {
        "according", "data", "survey", "surveys", "study", "studies", "paper", "papers", "analysis", "analyses", "estimate", "estimates",
        "estimated", "report", "reports", "reported", "reporting", "found", "finds", "shows", "showed", "shown", "indicates", "indicated",
        "calculated", "calculates", "calculations", "cites", "cited", "census", "poll", "polls", "figure", "table", "source", "sources",
        "testified", "testimony", "announced", "stated", "said", "says", "noted", "notes", "projects", "projected",
        "projection", "projections", "forecast", "forecasts", "requested", "requests", "request", "proposed", "proposes", "proposal",
        "budget", "statistics", "records", "published", "documented", "audit", "audits", "reviewed",
    };

    public FindingSentence(ParsedDocument document, Sentence sentence, SentenceStance stance)
    {
        Sentence = sentence;
        Stance = stance;
        Tokens = document.TokensOf(sentence).ToArray();
        Tags = new PartOfSpeech[Tokens.Length];
        InReference = new bool[Tokens.Length];
        bool reference = false;
        for (int i = 0; i < Tokens.Length; i++)
        {
            Tags[i] = document.Tags[sentence.FirstToken + i];
            InReference[i] = document.InReference(Tokens[i]);
            reference |= InReference[i];
        }

        Quoted = sentence.Kind == BlockKind.Quote && StanceAnalyzer.QuotationAfterLeadIn(document, sentence.Paragraph)
            ? StanceTagger.BlockQuoted(Tokens, out _, out _, out _)
            : StanceTagger.QuotedTokens(document.Prose.Text, Tokens, out _, out _, out _);
        HasReference = reference;
        DescribesLaw = reference || Any(t => LegalWords.Contains(t.Lower) || LegalNames.Contains(t.Text));
        NamesSource = stance.Attributed >= 0.5
            || stance.Cues.Any(c => c.Kind is StanceCueKind.Attribution or StanceCueKind.Quotation && c.Weight >= 0.5)
            || Any(t => SourceWords.Contains(t.Lower));
    }

    public Sentence Sentence { get; }

    public SentenceStance Stance { get; }

    public Token[] Tokens { get; }

    public PartOfSpeech[] Tags { get; }

    public bool[] Quoted { get; }

    public bool[] InReference { get; }

    /// <summary>The sentence cites a law, bill, code section, report or case.</summary>
    public bool HasReference { get; }

    /// <summary>
    /// The sentence states what a law, bill, rule, contract or court provides: it cites one, or uses the
    /// words of one (statute, regulation, requires, eligible, the Act, court …). Its must, shall and may
    /// are the law's, its figures the law's parameters.
    /// </summary>
    public bool DescribesLaw { get; }

    /// <summary>The sentence is attributed (by the tagger), quotes, or names a source (according to, data, a study, a table, a budget request …).</summary>
    public bool NamesSource { get; }

    /// <summary>The token is the author's own words: not quoted, not part of a reference.</summary>
    public bool IsAuthorWord(int i) => !Quoted[i] && !InReference[i];

    public string Lower(int i) => i >= 0 && i < Tokens.Length ? Tokens[i].Lower : string.Empty;

    private bool Any(Func<Token, bool> test)
    {
        for (int i = 0; i < Tokens.Length; i++)
        {
            if (!Quoted[i] && test(Tokens[i]))
            {
                return true;
            }
        }

        return false;
    }
}
