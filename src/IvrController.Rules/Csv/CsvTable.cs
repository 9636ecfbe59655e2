namespace IvrController.Rules.Csv;

/// <summary>
/// The data lines of an admin's CSV file whose first line must be a given header: a UTF-8 byte
/// order mark is dropped, blank lines are skipped, and every problem is reported with its line
/// number. A first line that is not the header is reported, and still read as data when it looks
/// like data, so the admin sees every problem at once.
/// </summary>
public static class CsvTable
{
    /// <param name="reader">The file, read line by line.</param>
    /// <param name="header">The column names, matched case-insensitively.</param>
    /// <param name="looksLikeData">Whether a first line that is not the header should still be read as data.</param>
    /// <param name="error">Receives (line number, problem) for every line that cannot be read.</param>
    public static IEnumerable<(int Line, List<string> Fields)> DataLines(
        TextReader reader, IReadOnlyList<string> header, Func<List<string>, bool> looksLikeData, Action<int, string> error)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string headerText = string.Join(',', header);
        bool headerSeen = false;
        int lineNumber = 0;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (lineNumber == 1 && line.Length > 0 && line[0] == '\uFEFF')
            {
                line = line[1..];
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = new List<string>(header.Count + 1);
            if (!CsvFields.TrySplit(line, fields, out string? splitError))
            {
                error(lineNumber, splitError);
                headerSeen = true;
                continue;
            }

            if (!headerSeen)
            {
                headerSeen = true;
                if (fields.Count == header.Count && fields.Zip(header).All(p => string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                error(lineNumber, $"the first line must be the header {headerText}");
                if (!looksLikeData(fields))
                {
                    continue;
                }
            }

            yield return (lineNumber, fields);
        }

        if (!headerSeen)
        {
            error(Math.Max(lineNumber, 1), $"the file is empty: expected the header {headerText}");
        }
    }
}
