namespace TextLens.Core.Globbing;

/// <summary>
/// What every string a glob's tree matches must end with (its tails) or begin with (its heads): a small set of literal
/// strings (at most <see cref="MaxCount"/>, each at most <see cref="MaxLength"/> characters) read off the tree, so
/// that a caller holding many globs (an .editorconfig of 100,000 sections) can look up the few that could match a path
/// by the path's first or last characters instead of running every one. Sound, not complete: a string the tree
/// matches always ends (begins) with one of the tails (heads); one that does need not match. Null when no such set was
/// found (a wildcard, a range or an optional part at that end), an empty set when the tree matches nothing.
/// </summary>
internal static class GlobAffixes
{
    public const int MaxCount = 64;
    public const int MaxLength = 32;

    /// <summary>The tails (<paramref name="atEnd"/>) or heads of a tree, or null (none known, or one is empty: any string could match).</summary>
    public static IReadOnlyList<string>? Of(GlobNode node, bool atEnd)
    {
        string[]? affixes = Affixes(node, atEnd);
        if (affixes is null || affixes.Length == 0)
        {
            return affixes;
        }

        if (affixes is [{ Length: > 0 and <= MaxLength }])
        {
            return affixes;   // the common case: one literal tail (*.md) or head (README*)
        }

        var cut = new List<string>(affixes.Length);
        foreach (string a in affixes)
        {
            if (a.Length == 0)
            {
                return null;
            }

            string kept = a.Length <= MaxLength ? a : atEnd ? a[^MaxLength..] : a[..MaxLength];
            if (!cut.Contains(kept))
            {
                cut.Add(kept);
            }
        }

        return [.. cut];
    }

    /// <summary>Whether a match of the tree can contain '/' (a '**' or a literal slash); if not, an any-folder glob of it matches a file name.</summary>
    public static bool CanMatchSlash(GlobNode node)
    {
        switch (node)
        {
            case GlobNode.Literal l:
                return l.Char == '/';
            case GlobNode.Star s:
                return s.CrossesFolders;
            case GlobNode.Sequence seq:
                foreach (GlobNode item in seq.Items)
                {
                    if (CanMatchSlash(item))
                    {
                        return true;
                    }
                }

                return false;
            case GlobNode.Alternatives alt:
                foreach (GlobNode branch in alt.Branches)
                {
                    if (CanMatchSlash(branch))
                    {
                        return true;
                    }
                }

                return false;
            case GlobNode.Optional o:
                return CanMatchSlash(o.Item);
            default:
                return false;   // '?', a class and a range never match '/'; Never matches nothing
        }
    }

    /// <summary>
    /// Every match of the node ends (begins) with one of these, whole or cut to their last (first)
    /// <see cref="MaxLength"/> characters, perhaps repeated; or null.
    /// </summary>
    private static string[]? Affixes(GlobNode node, bool atEnd)
    {
        switch (node)
        {
            case GlobNode.Sequence seq:
                string[] acc = [string.Empty];
                int count = seq.Items.Count;
                for (int k = 0; k < count;)
                {
                    // The items walked so far all match finitely: every match of the sequence ends (begins) with acc
                    // joined to a match of the next item (a run of literals is joined at once).
                    int run = LiteralRun(seq.Items, atEnd ? count - 1 - k : k, backwards: atEnd);
                    if (run > 0)
                    {
                        acc = Join(acc, [Literals(seq.Items, atEnd ? count - k - run : k, run)], atEnd);
                        k += run;
                        continue;
                    }

                    GlobNode item = seq.Items[atEnd ? count - 1 - k : k];
                    string[]? next = Finite(item);
                    bool stop = next is null;
                    next ??= Affixes(item, atEnd);
                    if (next is null || acc.Length * next.Length > MaxCount)
                    {
                        return acc;   // still true of every match
                    }

                    acc = Join(acc, next, atEnd);
                    if (stop)
                    {
                        return acc;
                    }

                    k++;
                }

                return acc;
            case GlobNode.Alternatives alt:
                var union = new List<string>();
                foreach (GlobNode branch in alt.Branches)
                {
                    if (Affixes(branch, atEnd) is not { } a || union.Count + a.Length > MaxCount)
                    {
                        return null;
                    }

                    union.AddRange(a);
                }

                return [.. union];
            default:
                return Finite(node);   // a literal, a small class, a finite optional part; a star, '?' or a range: null
        }
    }

    /// <summary>Every string the node matches, whole (at most the pattern's length), perhaps repeated, when there are few; else null.</summary>
    private static string[]? Finite(GlobNode node)
    {
        switch (node)
        {
            case GlobNode.Literal l:
                return [l.Char.ToString()];
            case GlobNode.Never:
                return [];
            case GlobNode.Class k when !k.Set.Negated:
                var chars = new List<string>();
                foreach ((char low, char high) in k.Set.Ranges)
                {
                    if (high - low >= MaxCount || chars.Count + high - low + 1 > MaxCount)
                    {
                        return null;
                    }

                    for (int c = low; c <= high; c++)
                    {
                        if (k.Set.Matches((char)c))
                        {
                            chars.Add(((char)c).ToString());
                        }
                    }
                }

                return [.. chars];
            case GlobNode.Sequence seq:
                string[] acc = [string.Empty];
                for (int i = 0; i < seq.Items.Count;)
                {
                    int run = LiteralRun(seq.Items, i, backwards: false);
                    if (run > 0)
                    {
                        acc = Join(acc, [Literals(seq.Items, i, run)], atEnd: false, whole: true);
                        i += run;
                        continue;
                    }

                    if (Finite(seq.Items[i]) is not { } strings || acc.Length * strings.Length > MaxCount)
                    {
                        return null;
                    }

                    acc = Join(acc, strings, atEnd: false, whole: true);
                    i++;
                }

                return acc;
            case GlobNode.Alternatives alt:
                var union = new List<string>();
                foreach (GlobNode branch in alt.Branches)
                {
                    if (Finite(branch) is not { } b || union.Count + b.Length > MaxCount)
                    {
                        return null;
                    }

                    union.AddRange(b);
                }

                return [.. union];
            case GlobNode.Optional o:
                return Finite(o.Item) is { } inner && inner.Length < MaxCount ? [.. inner, string.Empty] : null;
            default:
                return null;
        }
    }

    /// <summary>How many literals follow one another from <paramref name="start"/> (backwards, <paramref name="backwards"/>).</summary>
    private static int LiteralRun(IReadOnlyList<GlobNode> items, int start, bool backwards)
    {
        int n = 0;
        for (int i = start; i >= 0 && i < items.Count && items[i] is GlobNode.Literal; i += backwards ? -1 : 1)
        {
            n++;
        }

        return n;
    }

    /// <summary>The characters of <paramref name="length"/> literals from <paramref name="first"/>, in order.</summary>
    private static string Literals(IReadOnlyList<GlobNode> items, int first, int length) =>
        string.Create(length, (items, first), static (span, state) =>
        {
            for (int i = 0; i < span.Length; i++)
            {
                span[i] = ((GlobNode.Literal)state.items[state.first + i]).Char;
            }
        });

    /// <summary>
    /// Each of <paramref name="acc"/> joined to each of <paramref name="next"/>: after it (heads, kept to their first
    /// <see cref="MaxLength"/> characters when longer) or, <paramref name="atEnd"/>, before it (tails, kept to their last).
    /// <paramref name="whole"/> keeps them whole (a finite node's strings). The caller bounds the count.
    /// </summary>
    private static string[] Join(string[] acc, string[] next, bool atEnd, bool whole = false)
    {
        var joined = new string[acc.Length * next.Length];
        int j = 0;
        foreach (string a in acc)
        {
            foreach (string n in next)
            {
                // An affix already MaxLength long is all that is kept: what is joined to it does not change it.
                joined[j++] = a.Length >= MaxLength && !whole ? a : atEnd ? n + a : a + n;
            }
        }

        return joined;
    }
}
