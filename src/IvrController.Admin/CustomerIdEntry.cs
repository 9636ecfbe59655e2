using IvrController.Rules.Numbers;

namespace IvrController.Admin;

/// <summary>One good line of a customer-id file: agents see and dial <see cref="CustomerId"/> instead of <see cref="Number"/>.</summary>
public sealed record CustomerIdEntry(int Line, string CustomerId, PhoneNumber Number);
