using TextLens.Core.Reporting;

namespace TextLens.Cli.Scale;

/// <summary>
/// The document records of several partial results (json reports or JSON Lines from shards or map tasks), merged
/// into one sequence in report order (ordinal path order) by a k-way merge: each partial is read as a stream,
/// one record per partial in memory at a time. Checks as it goes, with a message that names the file: every record
/// has the same <see cref="ReportSettings"/> as the first, and each partial is in path order (as TextLens writes it).
/// A path found in more than one partial is kept each time, in the order of the partials, and reported to
/// <see cref="DuplicateFound"/>.
/// </summary>
public sealed class PartialResults(IReadOnlyList<string> displayPaths, Func<string, Stream> open)
{
    private string? _settingsSource;

    /// <summary>Called with the path of a document found in more than one partial and the two partials.</summary>
    public Action<string, string, string>? DuplicateFound { get; init; }

    /// <summary>The settings of the first record, once the sequence has been read.</summary>
    public ReportSettings? Settings { get; private set; }

    /// <summary>The partial result the document last given by <see cref="Documents"/> came from (to name it when its record turns out damaged).</summary>
    public string? CurrentSource { get; private set; }

    /// <summary>How many documents the partials hold, found without deserialising them (an extra read of each file).</summary>
    public int CountDocuments()
    {
        int total = 0;
        foreach (string path in displayPaths)
        {
            try
            {
                using Stream stream = open(path);
                total += DocumentRecordReader.Count(stream);
            }
            catch (PartialFormatException ex)
            {
                throw new UsageException($"partial result '{path}' cannot be merged: {ex.Message}");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"cannot read partial result '{path}': {ex.Message}");
            }
        }

        return total;
    }

    public IEnumerable<DocumentReport> Documents()
    {
        var cursors = new List<Cursor>();
        try
        {
            for (int i = 0; i < displayPaths.Count; i++)
            {
                var cursor = new Cursor(displayPaths[i], i, Open(displayPaths[i]));
                cursors.Add(cursor);
                Advance(cursor);
            }

            var queue = new PriorityQueue<Cursor, (string Path, int Index)>(new CursorOrder());
            foreach (Cursor c in cursors.Where(c => c.Current is not null))
            {
                queue.Enqueue(c, (c.Current!.Path, c.Index));
            }

            (string Path, Cursor From)? previous = null;
            while (queue.TryDequeue(out Cursor? cursor, out _))
            {
                DocumentReport document = cursor.Current!;
                if (previous is { } p && p.Path == document.Path && p.From != cursor)
                {
                    DuplicateFound?.Invoke(document.Path, p.From.DisplayPath, cursor.DisplayPath);
                }

                previous = (document.Path, cursor);
                CurrentSource = cursor.DisplayPath;
                yield return document;
                if (Advance(cursor))
                {
                    queue.Enqueue(cursor, (cursor.Current!.Path, cursor.Index));
                }
            }
        }
        finally
        {
            foreach (Cursor c in cursors)
            {
                c.Records.Dispose();
            }
        }
    }

    private IEnumerator<DocumentReport> Open(string path)
    {
        Stream stream;
        try
        {
            stream = open(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read partial result '{path}': {ex.Message}");
        }

        return Records(stream);

        static IEnumerator<DocumentReport> Records(Stream stream)
        {
            using (stream)
            {
                foreach (DocumentReport d in DocumentRecordReader.Read(stream))
                {
                    yield return d;
                }
            }
        }
    }

    /// <summary>Moves a cursor to its partial's next record, checking order and settings; false at its end.</summary>
    private bool Advance(Cursor cursor)
    {
        string? before = cursor.Current?.Path;
        try
        {
            if (!cursor.Records.MoveNext())
            {
                cursor.Current = null;
                return false;
            }
        }
        catch (PartialFormatException ex)
        {
            throw new UsageException($"partial result '{cursor.DisplayPath}' cannot be merged: {ex.Message}");
        }
        catch (IOException ex)
        {
            throw new UsageException($"cannot read partial result '{cursor.DisplayPath}': {ex.Message}");
        }

        DocumentReport document = cursor.Records.Current;
        if (before is not null && string.CompareOrdinal(before, document.Path) > 0)
        {
            throw new UsageException($"partial result '{cursor.DisplayPath}' is not in path order ('{document.Path}' comes after '{before}'); TextLens writes its documents sorted by path: was the file edited or concatenated from several results? Give each result as its own argument.");
        }

        if (document.Settings is not { } settings)
        {
            throw new UsageException($"partial result '{cursor.DisplayPath}' has a document without settings ('{document.Path}'): it was written by an older TextLens version; run it again with this version.");
        }

        if (Settings is null)
        {
            Settings = settings;
            _settingsSource = cursor.DisplayPath;
        }
        else if (!Settings.SameAs(settings))
        {
            throw new UsageException(
                $"partial results were made with different versions or options and cannot be merged: '{_settingsSource}' has {Settings.Describe()}; "
                + $"'{cursor.DisplayPath}' ('{document.Path}') has {settings.Describe()}. Run every shard with the same TextLens version and options.");
        }

        cursor.Current = document;
        return true;
    }

    private sealed class Cursor(string displayPath, int index, IEnumerator<DocumentReport> records)
    {
        public string DisplayPath { get; } = displayPath;

        public int Index { get; } = index;

        public IEnumerator<DocumentReport> Records { get; } = records;

        public DocumentReport? Current { get; set; }
    }

    private sealed class CursorOrder : IComparer<(string Path, int Index)>
    {
        public int Compare((string Path, int Index) x, (string Path, int Index) y)
        {
            int byPath = string.CompareOrdinal(x.Path, y.Path);
            return byPath != 0 ? byPath : x.Index.CompareTo(y.Index);
        }
    }
}
