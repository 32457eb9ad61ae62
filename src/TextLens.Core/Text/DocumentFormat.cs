namespace TextLens.Core.Text;

/// <summary>How a document's characters are to be read.</summary>
public enum DocumentFormat
{
    PlainText,
    Markdown,
}

public static class DocumentFormats
{
    private static readonly string[] MarkdownExtensions = [".md", ".markdown", ".mdown", ".mkd"];

    /// <summary>Markdown for the usual Markdown extensions, plain text for everything else.</summary>
    public static DocumentFormat FromPath(string path)
    {
        string ext = Path.GetExtension(path);
        foreach (string md in MarkdownExtensions)
        {
            if (string.Equals(ext, md, StringComparison.OrdinalIgnoreCase))
            {
                return DocumentFormat.Markdown;
            }
        }

        return DocumentFormat.PlainText;
    }
}
