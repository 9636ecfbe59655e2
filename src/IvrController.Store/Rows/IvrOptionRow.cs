namespace IvrController.Store.Rows;

/// <summary>A row of <c>ivr_options</c>: in <see cref="Menu"/>, <see cref="Digit"/> does <see cref="Action"/> (to <see cref="Target"/>).</summary>
public sealed record IvrOptionRow(string Menu, char Digit, string Action, string? Target);
