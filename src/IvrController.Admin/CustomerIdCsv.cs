using IvrController.Rules.Csv;
using IvrController.Rules.Numbers;
using IvrController.Rules.Protection;

namespace IvrController.Admin;

/// <summary>
/// Reads a customer-id file: the header <c>customer_id,number</c>, then one customer a line, numbers in
/// any form an admin's spreadsheet has them. Every bad line is reported with its number, and no message
/// shows a full customer number (they are masked).
/// </summary>
public static class CustomerIdCsv
{
    public const string Header = "customer_id,number";

    private const int MinE164Length = 9;

    public static CustomerIdCsvImport Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var rows = new List<CustomerIdEntry>();
        var errors = new List<ImportLineError>();
        var byId = new Dictionary<string, CustomerIdEntry>(StringComparer.Ordinal);
        var byNumber = new Dictionary<string, CustomerIdEntry>(StringComparer.Ordinal);
        foreach ((int lineNumber, List<string> fields) in CsvTable.DataLines(
                     reader,
                     ["customer_id", "number"],
                     fields => fields.Count == 2 && ChineseNumberNormalizer.Default.TryNormalize(fields[1], out _, out _),
                     (line, problem) => errors.Add(new ImportLineError(line, problem))))
        {
            if (Read(fields, lineNumber, errors) is not { } entry)
            {
                continue;
            }

            bool sameIdEarlier = byId.TryGetValue(entry.CustomerId, out CustomerIdEntry? earlierId);
            bool sameNumberEarlier = byNumber.TryGetValue(entry.Number.E164, out CustomerIdEntry? earlierNumber);
            if (sameIdEarlier && earlierId!.Number == entry.Number)
            {
                continue; // the same line twice says nothing new
            }

            if (sameIdEarlier)
            {
                errors.Add(new ImportLineError(lineNumber, $"customer id {entry.CustomerId} is already on line {earlierId!.Line}"));
            }

            if (sameNumberEarlier)
            {
                errors.Add(new ImportLineError(
                    lineNumber, $"number {entry.Number} is already on line {earlierNumber!.Line} (customer id {earlierNumber.CustomerId})"));
            }

            if (!sameIdEarlier && !sameNumberEarlier)
            {
                byId.Add(entry.CustomerId, entry);
                byNumber.Add(entry.Number.E164, entry);
                rows.Add(entry);
            }
        }

        return new CustomerIdCsvImport(rows, errors);
    }

    private static CustomerIdEntry? Read(List<string> fields, int lineNumber, List<ImportLineError> errors)
    {
        if (fields.Count != 2)
        {
            errors.Add(new ImportLineError(lineNumber, $"expected 2 columns ({Header}), found {fields.Count}"));
            return null;
        }

        int before = errors.Count;
        string customerId = fields[0];
        if (customerId.Length == 0)
        {
            errors.Add(new ImportLineError(lineNumber, "customer id is empty"));
        }

        // PhoneNumber.ToString() is the mask, and the normaliser's messages never repeat the input.
        if (!ChineseNumberNormalizer.Default.TryNormalize(fields[1], out PhoneNumber? number, out string? problem))
        {
            errors.Add(new ImportLineError(lineNumber, $"number {NumberMaskOf(fields[1])}: {problem}"));
        }
        else if (number.E164.Length < MinE164Length)
        {
            // customer_ids takes +86 and at least 6 digits; short service numbers are nobody's own number.
            errors.Add(new ImportLineError(lineNumber, $"number {number}: a service number cannot be a customer's number"));
        }

        return errors.Count > before ? null : new CustomerIdEntry(lineNumber, customerId, number!);
    }

    private static string NumberMaskOf(string raw) => raw.Length == 0 ? "(empty)" : NumberMask.MaskRaw(raw);
}
