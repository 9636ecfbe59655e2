using Npgsql;

namespace IvrController.Store.Calls;

/// <summary>
/// One write of the call log: its text and its parameters, made into a command for each attempt (a parameter
/// belongs to the one command it was added to, and a write whose batch failed is tried again alone).
/// </summary>
internal sealed class CallLogStatement(string sql, params NpgsqlParameter[] parameters)
{
    private int _commands;

    public NpgsqlBatchCommand Command()
    {
        var command = new NpgsqlBatchCommand(sql);
        bool first = Interlocked.Increment(ref _commands) == 1;
        foreach (NpgsqlParameter parameter in parameters)
        {
            command.Parameters.Add(first ? parameter : parameter.Clone());
        }

        return command;
    }
}
