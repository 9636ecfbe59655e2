using System.Net;
using IvrController.Web.Tests.Rig;
using Xunit;

namespace IvrController.Web.Tests.Console;

/// <summary>A rig whose console allows three login attempts a minute per address.</summary>
public sealed class ThrottledConsoleRig : ConsoleRig
{
    protected override IEnumerable<string> Settings => ["--Web:LoginAttemptsPerMinute=3"];
}

public sealed class LoginThrottleTests(ThrottledConsoleRig rig) : IClassFixture<ThrottledConsoleRig>
{
    [Fact]
    public async Task Login_attempts_beyond_the_limit_are_answered_429_even_with_the_right_password()
    {
        using HttpClient client = rig.NewClient();
        string token = await client.TokenAsync("/login");
        var statuses = new List<HttpStatusCode>();
        for (int attempt = 0; attempt < 3; attempt++)
        {
            using HttpResponseMessage wrong = await client.PostFormAsync(
                "/login", ("Name", ConsoleRig.Admin), ("Password", $"guess-{attempt}"), (ConsoleForms.TokenField, token));
            statuses.Add(wrong.StatusCode);
        }

        using HttpResponseMessage right = await client.PostFormAsync(
            "/login", ("Name", ConsoleRig.Admin), ("Password", ConsoleRig.AdminPassword), (ConsoleForms.TokenField, token));
        using HttpResponseMessage form = await client.GetAsync("/login");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
    }
}
