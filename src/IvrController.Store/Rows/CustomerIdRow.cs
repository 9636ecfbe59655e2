namespace IvrController.Store.Rows;

/// <summary>A row of <c>customer_ids</c>: agents see and dial <see cref="CustomerId"/> instead of <see cref="Number"/>.</summary>
public sealed record CustomerIdRow(string CustomerId, string Number);
