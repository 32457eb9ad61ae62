using System.CommandLine;
using System.Text.Json;
using TextLens.Core.Features;
using TextLens.Core.Analysis;
using TextLens.Core.Analyzers;
using TextLens.Core.Reporting;
using TextLens.Core.Reporting.Formats;

namespace TextLens.Cli.Commands;

/// <summary>'textlens rules': the rule catalogue as a table or JSON.</summary>
public static class RulesCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format", "-f") { Description = "table, json or markdown.", DefaultValueFactory = _ => "table" };
        var command = new Command("rules", "List every rule: id, category, default severity and title.") { format };
        command.SetAction(parse =>
        {
            IReadOnlyList<RuleDescriptor> rules = BuiltInAnalyzers.CreateEngine(ModelSet.OpenDefault()).Rules;
            switch (parse.GetValue(format))
            {
                case "json":
                    var rows = rules.Select(r => new
                    {
                        id = r.Id,
                        title = r.Title,
                        category = r.Category,
                        defaultSeverity = r.DefaultSeverity.ToName(),
                        messageFormat = r.MessageFormat,
                        help = r.Help,
                        helpUri = r.HelpUri,
                    });
                    Console.Out.Write(JsonSerializer.Serialize(rows, JsonReportFormatter.Options) + "\n");
                    return 0;
                case "markdown":
                    Console.Out.Write(RuleCatalogDocument.ToMarkdown(rules));
                    return 0;
                case "table":
                    int titleWidth = rules.Max(r => r.Title.Length);
                    Console.Out.Write($"{"ID",-7} {"CATEGORY",-10} {"SEVERITY",-10} TITLE\n");
                    foreach (RuleDescriptor r in rules)
                    {
                        Console.Out.Write($"{r.Id,-7} {r.Category,-10} {r.DefaultSeverity.ToName(),-10} {r.Title}\n");
                    }

                    return 0;
                default:
                    throw new UsageException($"rules --format must be table, json or markdown, not '{parse.GetValue(format)}'.");
            }
        });
        return command;
    }
}
