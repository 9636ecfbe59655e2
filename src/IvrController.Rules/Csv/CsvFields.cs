using System.Diagnostics.CodeAnalysis;

namespace IvrController.Rules.Csv;

/// <summary>
/// The CSV that admins export from spreadsheets, one record per line: fields are trimmed, and a quoted
/// field may hold commas and doubled quotes. Shared by every admin import so they all read files alike.
/// </summary>
public static class CsvFields
{
    /// <summary>Splits one CSV line into trimmed fields; a quoted field may hold commas and doubled quotes.</summary>
    public static bool TrySplit(string line, List<string> fields, [NotNullWhen(false)] out string? error)
    {
        fields.Clear();
        var field = new System.Text.StringBuilder();
        int i = 0;
        while (true)
        {
            field.Clear();
            while (i < line.Length && line[i] is ' ' or '\t')
            {
                i++;
            }

            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        error = "a quoted field is not closed";
                        return false;
                    }

                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(line[i++]);
                }

                while (i < line.Length && line[i] is ' ' or '\t')
                {
                    i++;
                }

                if (i < line.Length && line[i] != ',')
                {
                    error = "text after a closing quote";
                    return false;
                }
            }
            else
            {
                while (i < line.Length && line[i] != ',')
                {
                    field.Append(line[i++]);
                }
            }

            fields.Add(field.ToString().Trim());
            if (i >= line.Length)
            {
                error = null;
                return true;
            }

            i++; // the comma
        }
    }
}
