namespace IvrController.Admin;

/// <summary>The first rows of a long listing and how many there are in all, so a list can say how many it left out.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Rows, long Total);
