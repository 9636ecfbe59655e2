using System.Text;

namespace IvrController.Cli;

/// <summary>
/// Plain aligned columns for list and show output. Chinese characters take two terminal cells, so
/// widths are counted in cells, not characters, or labels such as 满意 would push the columns out.
/// </summary>
public sealed class TextTable
{
    private readonly List<string[]> _rows = [];

    /// <summary>A table whose first row is <paramref name="headers"/>; none for a label/value listing.</summary>
    public TextTable(params string[] headers)
    {
        if (headers.Length > 0)
        {
            _rows.Add(headers);
        }
    }

    public TextTable Add(params string[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    public async Task WriteAsync(TextWriter output)
    {
        int columns = _rows.Max(r => r.Length);
        var widths = new int[columns];
        foreach (string[] row in _rows)
        {
            for (int i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], Cells(row[i]));
            }
        }

        var line = new StringBuilder();
        foreach (string[] row in _rows)
        {
            line.Clear();
            for (int i = 0; i < row.Length; i++)
            {
                line.Append(row[i]);
                if (i < row.Length - 1)
                {
                    line.Append(' ', widths[i] - Cells(row[i]) + 2);
                }
            }

            await output.WriteLineAsync(line.ToString().TrimEnd()).ConfigureAwait(false);
        }
    }

    internal static int Cells(string text)
    {
        int cells = 0;
        foreach (char c in text)
        {
            cells += IsWide(c) ? 2 : 1;
        }

        return cells;
    }

    // East Asian wide and full-width ranges of the Basic Multilingual Plane.
    private static bool IsWide(char c) =>
        c is (>= '\u1100' and <= '\u115F') or (>= '\u2E80' and <= '\uA4CF') or (>= '\uAC00' and <= '\uD7A3')
            or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F') or (>= '\uFF00' and <= '\uFF60') or (>= '\uFFE0' and <= '\uFFE6');
}
