namespace IvrController.Web.Status;

/// <summary>How many calls of one flow ended one way: <c>outbound</c> / <c>bridged</c>.</summary>
public sealed record CallCount(string Flow, string Outcome, long Count);
