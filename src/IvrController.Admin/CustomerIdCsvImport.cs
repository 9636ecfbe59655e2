namespace IvrController.Admin;

/// <summary>The good lines of a customer-id file and every problem found in it; the file is imported only when there are none.</summary>
public sealed record CustomerIdCsvImport(IReadOnlyList<CustomerIdEntry> Rows, IReadOnlyList<ImportLineError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
