using IvrController.Rules.Ivr;

namespace IvrController.Admin;

/// <summary>A removed menu, and our numbers that named it: callers to them now hear no menu until one is set.</summary>
public sealed record IvrMenuRemoval(IvrMenu Menu, IReadOnlyList<string> NumbersWithoutMenu);
