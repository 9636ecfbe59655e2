namespace IvrController.Web.Hosting;

/// <summary>The console's one stylesheet, served as /console.css (no inline styles: the CSP forbids them).</summary>
public static class ConsoleStyle
{
    public const string Css = """
        * { box-sizing: border-box; }
        body { margin: 0; font-family: system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #1f2933; background: #f5f7fa; line-height: 1.5; }
        header { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.5rem; padding: .75rem 1.5rem; background: #1f3a5f; color: #fff; }
        header a, header button { color: #fff; }
        header .app { font-weight: 600; margin-right: auto; }
        header nav { display: flex; flex-wrap: wrap; gap: 1rem; }
        header form { display: inline; }
        header button { background: none; border: 1px solid #fff6; border-radius: 4px; padding: .15rem .6rem; cursor: pointer; font: inherit; }
        fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
        main { max-width: 1100px; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
        h1 { font-size: 1.4rem; margin: .5rem 0 1rem; }
        section { background: #fff; border: 1px solid #d9e2ec; border-radius: 6px; padding: 1rem 1.25rem; margin-bottom: 1rem; }
        section h2 { font-size: 1.1rem; margin: 0 0 .25rem; }
        .intro, .help { color: #52606d; font-size: .9rem; margin: 0 0 .5rem; }
        .choice { display: block; padding: .4rem 0; }
        .choice .help { display: block; margin: 0 0 0 1.6rem; }
        .field { margin: .75rem 0; }
        .field label { display: block; font-weight: 500; }
        textarea { font: inherit; padding: .35rem .5rem; border: 1px solid #9aa5b1; border-radius: 4px; width: 100%; max-width: 32rem; min-height: 3.5rem; }
        .prompt { border-top: 1px solid #e4e7eb; padding-top: .5rem; }
        .prompt audio { display: block; margin: .35rem 0; max-width: 100%; }
        input[type=text], input[type=password], input[type=number], select { font: inherit; padding: .35rem .5rem; border: 1px solid #9aa5b1; border-radius: 4px; width: 100%; max-width: 22rem; }
        button.primary { font: inherit; background: #1f6feb; color: #fff; border: 0; border-radius: 4px; padding: .5rem 1.5rem; cursor: pointer; }
        button.primary:disabled { background: #9aa5b1; cursor: not-allowed; }
        .error { color: #b42318; font-size: .9rem; margin: .25rem 0 0; }
        .notice { border-radius: 6px; padding: .75rem 1rem; margin-bottom: 1rem; }
        .notice.ok { background: #e3f9e5; border: 1px solid #57ae5b; }
        .notice.bad { background: #fde8e8; border: 1px solid #e66a6a; }
        .notice.info { background: #e6f0ff; border: 1px solid #7aa7e6; }
        table { border-collapse: collapse; width: 100%; background: #fff; }
        th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #e4e7eb; vertical-align: top; }
        .login { max-width: 24rem; margin: 3rem auto; }
        dl.facts { display: grid; grid-template-columns: minmax(7rem, max-content) 1fr; gap: .3rem 1rem; margin: 0; }
        dl.facts dt { font-weight: 500; color: #52606d; }
        dl.facts dd { margin: 0; overflow-wrap: anywhere; }
        dl.facts ol { margin: 0; padding-left: 1.2rem; }
        .tabs { display: flex; flex-wrap: wrap; gap: .5rem 1rem; margin-bottom: 1rem; }
        .tabs a[aria-current=page] { font-weight: 600; text-decoration: none; color: #1f2933; }
        .filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; margin-bottom: 1rem; }
        .filters .field { margin: 0; }
        .low { color: #b42318; font-weight: 500; }
        .state-on_call { color: #1f6feb; font-weight: 500; }
        .state-registered { color: #2f7d32; }
        .state-offline, .state-disabled { color: #7b8794; }
        .stale { background: #fff4e5; border: 1px solid #f0b429; border-radius: 6px; padding: .5rem 1rem; }
        .chart { max-width: 100%; height: auto; }
        .chart .bar { fill: #1f6feb; }
        .chart .axis { stroke: #9aa5b1; stroke-width: 1; }
        .chart text { font-size: 11px; fill: #52606d; }
        form.inline { display: inline; }
        button.small { font: inherit; font-size: .85rem; padding: .15rem .6rem; border: 1px solid #1f6feb; color: #1f6feb; background: #fff; border-radius: 4px; cursor: pointer; }
        .scroll { overflow-x: auto; }
        .columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 0 1.5rem; }
        @media (max-width: 640px) {
          header { padding: .5rem .75rem; }
          main { padding: .75rem; }
          table, thead, tbody, tr, th, td { display: block; }
          thead { display: none; }
          tr { border-bottom: 1px solid #d9e2ec; padding: .4rem 0; }
          td { border: 0; padding: .1rem .4rem; }
          td[data-label]::before { content: attr(data-label) ": "; color: #52606d; }
          dl.facts { grid-template-columns: 1fr; }
        }
        """;
}
