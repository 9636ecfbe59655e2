namespace IvrController.Store.Rows;

/// <summary>A row of <c>number_regions</c>: numbers starting with <see cref="Prefix"/> are in this province and city.</summary>
public sealed record NumberRegionRow(string Prefix, string Province, string City);
