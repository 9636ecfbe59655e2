namespace IvrController.Admin;

/// <summary>Lines of an import that clash with rows already stored; thrown to roll the import back, then reported.</summary>
internal sealed class ImportConflict(IReadOnlyList<ImportLineError> errors) : Exception("the import clashes with stored rows")
{
    public IReadOnlyList<ImportLineError> Errors { get; } = errors;
}
