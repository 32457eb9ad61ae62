using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using TextLens.Core.Analyzers;

namespace TextLens.Cli.Tests;

/// <summary>
/// WCAG 2.2 AA contrast of the HTML report, computed from the page the formatter writes (the CSS in its &lt;style&gt;
/// and the colours of its legends), not from a copy of the palette: every text colour against the backgrounds it is
/// drawn on reaches 4.5:1 (1.4.3), and every colour of the theme and epistemic-tag vocabularies reaches 3:1 against
/// the card it is drawn on (1.4.11, graphics that carry meaning). The two colours that mark the absence of a value
/// ("no theme", "uncertain (not tagged)") are exempt by name, and must be lighter than every colour that marks one.
/// </summary>
public sealed partial class HtmlContrastTests
{
    private const double TextMinimum = 4.5;
    private const double GraphicMinimum = 3.0;

    private static IDocument Page()
    {
        using var dir = new TempDir();
        File.Copy(Path.Combine(RepositoryPaths.Seeds, "crs-if10753-energy-star-program.md"), Path.Combine(dir.Path, "energy.md"));
        Tool.Result result = Tool.Run(Tool.Request(dir.Path, "energy.md") with { Formats = ["html"], Outputs = ["r.html"], Engine = BuiltInAnalyzers.CreateEngine(TestModels.Set) });
        Assert.Equal(0, result.ExitCode);
        return new HtmlParser(new HtmlParserOptions { IsStrictMode = true }).ParseDocument(dir.Read("r.html"));
    }

    [Fact]
    public void Every_text_colour_reaches_4_5_to_1_on_the_backgrounds_it_is_drawn_on()
    {
        Css css = Css.Parse(Page().QuerySelector("style")!.TextContent);
        string page = css.Resolve(css.Declaration("body", "background")!);
        string card = css.Resolve(css.Declaration(".card", "background")!);
        string baseColour = css.Resolve(css.Declaration("body", "color")!);

        var checkedPairs = new List<string>();
        foreach (Rule rule in css.Rules)
        {
            string? colour = rule.Get("color") ?? rule.Get("fill");
            if (colour is null || colour is "inherit" || (rule.Get("fill") is not null && !rule.Selector.StartsWith("svg", StringComparison.Ordinal)))
            {
                continue;
            }

            string? own = rule.Get("background");
            string[] backgrounds = own is not null && Hex().IsMatch(css.Resolve(own)) ? [css.Resolve(own)] : [page, card];
            foreach (string background in backgrounds)
            {
                double ratio = Contrast(css.Resolve(colour), background);
                checkedPairs.Add($"{rule.Selector}: {css.Resolve(colour)} on {background} = {ratio:0.00}");
                Assert.True(ratio >= TextMinimum, $"'{rule.Selector}' text {css.Resolve(colour)} on {background}: {ratio:0.00}:1 (at least {TextMinimum}:1)");
            }
        }

        // Rules that set a background and inherit their text colour (severity badges, highlighted sentences): the
        // inherited colour is the rule's base rule's ('.sev.error' from '.sev'), else the page text colour.
        foreach (Rule rule in css.Rules.Where(r => r.Get("background") is { } b && Hex().IsMatch(css.Resolve(b)) && r.Get("color") is null))
        {
            if (rule.Selector is "body" or ".card" || rule.Selector.StartsWith("@media print", StringComparison.Ordinal) || rule.Selector.Contains(".swatch", StringComparison.Ordinal))
            {
                continue;
            }

            string inherited = css.Rules.FirstOrDefault(r => rule.Selector.StartsWith(r.Selector + ".", StringComparison.Ordinal) && r.Get("color") is not (null or "inherit"))?.Get("color") ?? baseColour;
            double ratio = Contrast(css.Resolve(inherited), css.Resolve(rule.Get("background")!));
            checkedPairs.Add($"{rule.Selector}: {css.Resolve(inherited)} on {css.Resolve(rule.Get("background")!)} = {ratio:0.00}");
            Assert.True(ratio >= TextMinimum, $"'{rule.Selector}' text {css.Resolve(inherited)} on {css.Resolve(rule.Get("background")!)}: {ratio:0.00}:1");
        }

        Assert.Contains(checkedPairs, p => p.StartsWith(".sev.warning:", StringComparison.Ordinal));
        Assert.Contains(checkedPairs, p => p.StartsWith(".meta, .muted, footer:", StringComparison.Ordinal));
        Assert.Contains(checkedPairs, p => p.StartsWith("a:", StringComparison.Ordinal));
        TestContext.Current.SendDiagnosticMessage(string.Join("\n", checkedPairs));
    }

    [Fact]
    public void Theme_and_stance_tag_colours_are_separate_vocabularies_that_stand_out_from_the_card()
    {
        IDocument page = Page();
        Css css = Css.Parse(page.QuerySelector("style")!.TextContent);
        string card = css.Resolve(css.Declaration(".card", "background")!);
        (string Label, string Colour)[][] legends = [.. page.QuerySelectorAll("ul.legend").Select(ul => ul.QuerySelectorAll("li")
            .Select(li => (li.TextContent.Trim(), Hex().Match(li.QuerySelector(".swatch")?.GetAttribute("style") ?? "").Value))
            .Where(e => e.Item2.Length > 0).ToArray())];
        Assert.True(legends.Length >= 2, string.Join(" | ", legends.Select(l => string.Join(", ", l))));
        (string Label, string Colour)[] themes = legends.Single(l => l.Any(e => e.Label.StartsWith("no theme", StringComparison.Ordinal)));
        (string Label, string Colour)[] tags = legends.Single(l => l.Any(e => e.Label.StartsWith("hedged", StringComparison.Ordinal)));
        Assert.True(themes.Length >= 3, string.Join(", ", themes));
        Assert.Equal(7, tags.Length); // four tags, uncertain, positive and negative tone

        static bool Absence(string label) => label.StartsWith("no theme", StringComparison.Ordinal) || label.StartsWith("uncertain", StringComparison.Ordinal);
        string[] meaningful = [.. themes.Concat(tags).Where(e => !Absence(e.Label)).Select(e => e.Colour)];
        foreach ((string label, string colour) in themes.Concat(tags).Where(e => !Absence(e.Label)))
        {
            double ratio = Contrast(colour, card);
            Assert.True(ratio >= GraphicMinimum, $"'{label}' {colour} on the card {card}: {ratio:0.00}:1 (at least {GraphicMinimum}:1)");
        }

        foreach ((string label, string colour) in themes.Concat(tags).Where(e => Absence(e.Label)))
        {
            Assert.All(meaningful, m => Assert.True(Luminance(colour) > Luminance(m), $"'{label}' {colour} is not lighter than {m}"));
        }

        Assert.Empty(themes.Select(t => t.Colour).Intersect(tags.Select(t => t.Colour), StringComparer.OrdinalIgnoreCase));
        Assert.Equal(themes.Length, themes.Select(t => t.Colour).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(tags.Length, tags.Select(t => t.Colour).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [InlineData("#000000", "#ffffff", 21.0)]
    [InlineData("#fff", "#fff", 1.0)]
    [InlineData("#767676", "#ffffff", 4.54)]
    [InlineData("#0550ae", "#f6f8fa", 7.13)]
    public void Contrast_ratio_follows_the_WCAG_formula(string a, string b, double expected)
    {
        Assert.Equal(expected, Contrast(a, b), 2);
        Assert.Equal(Contrast(a, b), Contrast(b, a));
    }

    /// <summary>(L1 + 0.05) / (L2 + 0.05) of the relative luminances, the lighter over the darker.</summary>
    private static double Contrast(string a, string b)
    {
        double la = Luminance(a);
        double lb = Luminance(b);
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        Assert.Matches(Hex(), hex);
        string h = hex[1..];
        if (h.Length == 3)
        {
            h = string.Concat(h.Select(c => new string(c, 2)));
        }

        double Channel(int at)
        {
            double c = int.Parse(h.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return 0.2126 * Channel(0) + 0.7152 * Channel(2) + 0.0722 * Channel(4);
    }

    [GeneratedRegex("^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$|#[0-9a-fA-F]{6}")]
    private static partial Regex Hex();

    private sealed record Rule(string Selector, IReadOnlyDictionary<string, string> Declarations)
    {
        public string? Get(string property) => Declarations.GetValueOrDefault(property);
    }

    /// <summary>The rules of a flat style sheet (media blocks read as their inner rules, their selectors prefixed by the query).</summary>
    private sealed record Css(IReadOnlyList<Rule> Rules, IReadOnlyDictionary<string, string> Variables)
    {
        public static Css Parse(string text)
        {
            var rules = new List<Rule>();
            string media = "";
            int at = 0;
            while (at < text.Length)
            {
                int open = text.IndexOf('{', at);
                int close = text.IndexOf('}', at);
                if (close < 0)
                {
                    break;
                }

                if (open < 0 || close < open)
                {
                    media = ""; // the end of a media block
                    at = close + 1;
                    continue;
                }

                string selector = text[at..open].Trim();
                if (selector.StartsWith('@'))
                {
                    media = selector + " ";
                    at = open + 1;
                    continue;
                }

                var declarations = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (string declaration in text[(open + 1)..close].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    int colon = declaration.IndexOf(':', StringComparison.Ordinal);
                    if (colon > 0)
                    {
                        declarations[declaration[..colon].Trim()] = declaration[(colon + 1)..].Trim();
                    }
                }

                rules.Add(new Rule(media + selector, declarations));
                at = close + 1;
            }

            Dictionary<string, string> variables = rules.Where(r => r.Selector == ":root").SelectMany(r => r.Declarations)
                .Where(d => d.Key.StartsWith("--", StringComparison.Ordinal)).ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal);
            return new Css(rules, variables);
        }

        public string? Declaration(string selector, string property) => Rules.FirstOrDefault(r => r.Selector == selector && r.Get(property) is not null)?.Get(property);

        /// <summary>A colour value with var(--x) replaced (with its fallback when --x is not defined); #fff as #ffffff.</summary>
        public string Resolve(string value)
        {
            Match v = Regex.Match(value, @"var\((--[a-z-]+)(?:,\s*([^)]+))?\)");
            string resolved = v.Success ? Variables.GetValueOrDefault(v.Groups[1].Value) ?? v.Groups[2].Value.Trim() : value;
            Match hex = Hex().Match(resolved);
            return hex.Success ? hex.Value : resolved;
        }
    }
}
