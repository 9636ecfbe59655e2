using IvrController.Hosting;
using Xunit;

namespace IvrController.Tests.Hosting;

public sealed class SocketCompletionsTests
{
    [Fact]
    public void Serve_asks_for_inline_socket_completions_unless_the_environment_already_says()
    {
        string? before = Environment.GetEnvironmentVariable(SocketCompletions.Variable);
        try
        {
            Environment.SetEnvironmentVariable(SocketCompletions.Variable, null);
            SocketCompletions.RunInline();
            Assert.Equal("1", Environment.GetEnvironmentVariable(SocketCompletions.Variable));

            // An operator's choice stands.
            Environment.SetEnvironmentVariable(SocketCompletions.Variable, "0");
            SocketCompletions.RunInline();
            Assert.Equal("0", Environment.GetEnvironmentVariable(SocketCompletions.Variable));
        }
        finally
        {
            Environment.SetEnvironmentVariable(SocketCompletions.Variable, before);
        }
    }
}
