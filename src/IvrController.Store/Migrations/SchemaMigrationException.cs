namespace IvrController.Store.Migrations;

/// <summary>
/// The schema cannot be brought up to date: a script failed, or an applied script was edited
/// afterwards. The controller must not start on such a database.
/// </summary>
public sealed class SchemaMigrationException : Exception
{
    public SchemaMigrationException()
    {
    }

    public SchemaMigrationException(string message)
        : base(message)
    {
    }

    public SchemaMigrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
