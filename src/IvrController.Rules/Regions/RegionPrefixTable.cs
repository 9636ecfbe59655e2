using System.Diagnostics.CodeAnalysis;
using IvrController.Rules.Csv;
using IvrController.Rules.Numbers;

namespace IvrController.Rules.Regions;

/// <summary>
/// The admins' prefix → region table, consulted before the geocoder because it corrects it (the geocoder
/// puts all of 173 in 北京 and knows nothing of 16x/19x). The longest matching prefix wins.
/// </summary>
public sealed class RegionPrefixTable
{
    private const string Header = "prefix,province,city";

    private readonly Dictionary<string, NumberRegion> _byPrefix;
    private readonly Dictionary<string, NumberRegion>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly int _longest;

    /// <exception cref="ArgumentException">A prefix is unusable, or one prefix has two different regions.</exception>
    public RegionPrefixTable(IEnumerable<RegionPrefixRow> rows)
    {
        _byPrefix = new Dictionary<string, NumberRegion>(StringComparer.Ordinal);
        foreach (RegionPrefixRow row in rows)
        {
            if (RegionPrefixRow.ProblemWith(row.Prefix) is { } problem)
            {
                throw new ArgumentException($"Region table: {problem}.", nameof(rows));
            }

            if (_byPrefix.TryGetValue(row.Prefix, out NumberRegion? existing) && existing != row.Region)
            {
                throw new ArgumentException($"Region table: prefix {row.Prefix} maps to both {existing} and {row.Region}.", nameof(rows));
            }

            _byPrefix[row.Prefix] = row.Region;
            _longest = Math.Max(_longest, row.Prefix.Length);
        }

        _bySpan = _byPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static RegionPrefixTable Empty { get; } = new([]);

    public int Count => _byPrefix.Count;

    public IEnumerable<RegionPrefixRow> Rows => _byPrefix.Select(pair => new RegionPrefixRow(pair.Key, pair.Value));

    /// <summary>The region of the longest prefix of the number's national form. Special numbers (400, 95xxx) have none.</summary>
    public bool TryFind(PhoneNumber number, [NotNullWhen(true)] out NumberRegion? region, [NotNullWhen(true)] out string? prefix)
    {
        if (number.Kind != PhoneNumberKind.Special)
        {
            ReadOnlySpan<char> national = number.National;
            for (int length = Math.Min(_longest, national.Length); length > 0; length--)
            {
                if (_bySpan.TryGetValue(national[..length], out string? key, out region))
                {
                    prefix = key;
                    return true;
                }
            }
        }

        region = null;
        prefix = null;
        return false;
    }

    /// <summary>
    /// Reads a UTF-8 file with the header <c>prefix,province,city</c>. Blank lines are skipped; fields may
    /// be quoted (spreadsheets do). Every bad line is reported with its number; the same prefix twice with
    /// the same region is accepted once, with a different region it is an error.
    /// </summary>
    public static RegionCsvImport ParseCsv(TextReader reader)
    {
        var rows = new List<RegionPrefixRow>();
        var errors = new List<RegionCsvError>();
        var firstLine = new Dictionary<string, (NumberRegion Region, int Line)>(StringComparer.Ordinal);
        foreach ((int lineNumber, List<string> fields) in CsvTable.DataLines(
                     reader,
                     ["prefix", "province", "city"],
                     fields => fields.Count > 0 && RegionPrefixRow.ProblemWith(fields[0]) is null,
                     (line, problem) => errors.Add(new RegionCsvError(line, problem))))
        {
            ReadRow(fields, lineNumber, rows, errors, firstLine);
        }

        return new RegionCsvImport(rows, errors);
    }

    private static void ReadRow(
        List<string> fields,
        int lineNumber,
        List<RegionPrefixRow> rows,
        List<RegionCsvError> errors,
        Dictionary<string, (NumberRegion Region, int Line)> firstLine)
    {
        if (fields.Count != 3)
        {
            errors.Add(new RegionCsvError(lineNumber, $"expected 3 columns ({Header}), found {fields.Count}"));
            return;
        }

        string prefix = fields[0];
        int before = errors.Count;
        if (RegionPrefixRow.ProblemWith(prefix) is { } problem)
        {
            errors.Add(new RegionCsvError(lineNumber, problem));
        }

        if (fields[1].Length == 0)
        {
            errors.Add(new RegionCsvError(lineNumber, "province is empty"));
        }

        if (fields[2].Length == 0)
        {
            errors.Add(new RegionCsvError(lineNumber, "city is empty"));
        }

        if (errors.Count > before)
        {
            return;
        }

        var region = new NumberRegion(fields[1], fields[2]);
        if (firstLine.TryGetValue(prefix, out (NumberRegion Region, int Line) earlier))
        {
            if (earlier.Region != region)
            {
                errors.Add(new RegionCsvError(lineNumber, $"prefix {prefix} is already mapped to {earlier.Region} on line {earlier.Line}"));
            }

            return;
        }

        firstLine[prefix] = (region, lineNumber);
        rows.Add(new RegionPrefixRow(prefix, region));
    }

}
