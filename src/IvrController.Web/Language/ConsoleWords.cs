namespace IvrController.Web.Language;

/// <summary>
/// Everything the console says, in Chinese and English: the one home of each word. Refusals come from
/// the admin layer in ivrctl's words and are shown as they are, in both languages.
/// </summary>
public static class ConsoleWords
{
    // Frame
    public static readonly Word AppName = new("IvrController 控制台", "IvrController console");
    public static readonly Word NavSettings = new("电话客服设置", "Call centre settings");
    public static readonly Word NavAudit = new("审计日志", "Audit log");
    public static readonly Word SignedInAs = new("已登录：", "Signed in: ");
    public static readonly Word RoleAdmin = new("管理员", "admin");
    public static readonly Word RoleSupervisor = new("主管（只读）", "supervisor (read-only)");
    public static readonly Word Logout = new("退出", "Log out");
    public static readonly Word SwitchLanguage = new("English", "中文");

    public static readonly Word DatabaseAway = new(
        "暂时无法访问数据库：控制台需要它（通话不受影响）。请稍后再试。",
        "The database cannot be reached: the console needs it (calls are not affected). Try again shortly.");
    public static readonly Word ConsoleFault = new("控制台出错，详情见控制器日志。", "The console failed; the controller's log says why.");

    // Login
    public static readonly Word LoginTitle = new("登录", "Log in");
    public static readonly Word AccountName = new("用户名", "Account");
    public static readonly Word Password = new("密码", "Password");
    public static readonly Word LoginButton = new("登录", "Log in");
    public static readonly Word LoginFailed = new("用户名或密码不正确。", "Wrong account or password.");
    public static readonly Word LoginUnavailable = new("暂时无法访问数据库，请稍后再试。", "The database cannot be reached; try again shortly.");
    public static readonly Word FirstAdminHint = new(
        "还没有账号？在服务器上运行 ivrctl admins add 名字 --role admin 创建第一个管理员。",
        "No account yet? On the server, ivrctl admins add NAME --role admin creates the first admin.");

    // Settings: caller ID
    public static readonly Word CallerIdSection = new("外呼外显规则", "Outbound caller-ID rule");
    public static readonly Word CallerIdIntro = new("客户的来电显示是我们的哪一个号码。", "Which of our numbers the customer sees.");
    public static readonly Word RuleSkillGroup = new("外呼技能组关联号码分配", "Numbers of the agent's outbound skill groups");
    public static readonly Word RuleSkillGroupHelp = new(
        "从坐席所在外呼技能组关联的号码中选择；技能组没有关联号码时使用整个号码池。",
        "Chosen among the numbers linked to the agent's outbound skill groups; the whole pool when none are linked.");
    public static readonly Word RuleSameRegion = new("相同归属地分配", "Same region as the customer");
    public static readonly Word RuleSameRegionHelp = new(
        "优先选择与客户号码归属地同城市的号码，其次同省份，最后整个号码池。",
        "A number in the customer's city first, then in the same province, then the whole pool.");
    public static readonly Word PickTitle = new("候选号码选择", "Candidate pick");
    public static readonly Word PickRandom = new("随机", "Random");
    public static readonly Word PickRandomHelp = new(
        "在候选号码中随机选择，跳过已达并发上限或每日上限的号码。",
        "At random among the candidates, skipping numbers at their concurrency or daily cap.");
    public static readonly Word PickLeastUsed = new("今日使用最少", "Least used today");
    public static readonly Word PickLeastUsedHelp = new(
        "选择今天呼出次数最少的候选号码（同样跳过已达上限的号码）。",
        "The candidate with the fewest calls today (numbers at their caps are skipped too).");
    public static readonly Word CapsNote = new(
        "每个号码的并发上限和每日上限随号码设置：ivrctl numbers update 号码 --max-concurrent N --daily-cap N。",
        "Each number's concurrency and daily caps are set with the number: ivrctl numbers update NUMBER --max-concurrent N --daily-cap N.");

    // Settings: protection
    public static readonly Word ProtectionSection = new("呼出号码保护", "Customer number protection");
    public static readonly Word ProtectionIntro = new("坐席看到的不是客户的真实号码。", "What agents see instead of the customer's number.");
    public static readonly Word ProtectionMask = new("掩码保护", "Masked number");
    public static readonly Word ProtectionMaskHelp = new("坐席看到 138****8000 这样的掩码号码。", "Agents see a masked number such as 138****8000.");
    public static readonly Word ProtectionCustomerId = new("真实号码映射为用户 ID", "Number mapped to a customer ID");
    public static readonly Word ProtectionCustomerIdHelp = new(
        "坐席看到并拨打客户 ID（如 C10086），由系统换成真实号码；查不到 ID 时显示掩码。",
        "Agents see and dial a customer ID (such as C10086), which the controller turns into the number; the mask when there is no ID.");

    // Settings: callback memory
    public static readonly Word CallbackSection = new("外呼来电记忆", "Callback memory");
    public static readonly Word CallbackIntro = new("客户回拨时，接通上次给他打电话的坐席。", "A customer who calls back reaches the agent who called them.");
    public static readonly Word On = new("开启", "On");
    public static readonly Word Off = new("关闭", "Off");
    public static readonly Word ModeOne = new("模式一", "Mode 1");
    public static readonly Word ModeOneHelp = new(
        "只转给原坐席；原坐席不可用时提示忙，并记录一次未接回拨。",
        "The original agent only; when they cannot take it, a busy prompt and a missed callback.");
    public static readonly Word ModeTwo = new("模式二", "Mode 2");
    public static readonly Word ModeTwoHelp = new(
        "先转给原坐席；原坐席不可用或振铃超时后，进入所拨号码的 IVR。",
        "The original agent first; when unavailable or not answering in time, the IVR of the dialled number.");
    public static readonly Word Window = new("记忆时长（小时）", "Window (hours)");
    public static readonly Word WindowHelp = new(
        "我们呼出后多长时间内的回拨算作回拨；默认 72 小时（3 天）。",
        "How long after our call a call back still reaches the agent; 72 hours (3 days) by default.");
    public static readonly Word RingTimeout = new("原坐席振铃时长（秒）", "Original agent's ring timeout (seconds)");
    public static readonly Word RingTimeoutHelp = new(
        "模式二中原坐席振铃多久后转入 IVR，1–120 秒。",
        "In mode 2, how long the original agent rings before the IVR; 1–120 s.");

    // Settings: surveys
    public static readonly Word SurveySection = new("满意度评价", "Satisfaction survey");
    public static readonly Word SurveyIntro = new("坐席先挂机后，请客户按一个键评价本次通话。", "After the agent hangs up, the customer rates the call with one key.");
    public static readonly Word OutboundSurvey = new("外呼通话后的评价模板", "Template after outbound calls");
    public static readonly Word InboundSurvey = new("呼入通话后的评价模板", "Template after inbound calls");
    public static readonly Word SurveyNone = new("不评价", "No survey");
    public static readonly Word TemplateDisabled = new("（已停用）", " (disabled)");

    // Settings: saving
    public static readonly Word Save = new("保存", "Save");
    public static readonly Word ReadOnlyNote = new("主管账号只能查看，不能修改。", "Supervisor accounts can look but not change.");
    public static readonly Word RefusedReadOnly = new("未保存：主管账号只读。", "Not saved: supervisor accounts are read-only.");
    public static readonly Word Saved = new("已保存。", "Saved.");
    public static readonly Word NothingChanged = new("没有改动，未保存。", "Nothing changed; nothing saved.");
    public static readonly Word RulesVersionNow = new("当前生效的规则版本：", "Rules version now in force: ");
    public static readonly Word NotSaved = new("未保存，请修改标出的项目。", "Not saved: correct the fields marked.");
    public static readonly Word NotWholeNumber = new("请输入整数。", "Enter a whole number.");
    public static readonly Word NotAChoice = new("不是可选的值。", "Not one of the choices.");
    public static readonly Word LastChanged = new("最后修改：", "Last changed: ");

    // Survey templates
    public static readonly Word NavTemplates = new("满意度模板", "Survey templates");
    public static readonly Word TemplatesIntro = new(
        "通话结束后的按键评价：引导语音、可按的键及其分数、结束语音。停用的模板不能被设置选用。",
        "The one-key rating after a call: the guide prompt, the keys with their scores, the closing prompt. A disabled template cannot be chosen in the settings.");
    public static readonly Word NewTemplate = new("新增模板", "New template");
    public static readonly Word EditTemplate = new("编辑模板", "Edit template");
    public static readonly Word Edit = new("编辑", "Edit");
    public static readonly Word BackToList = new("返回列表", "Back to the list");
    public static readonly Word TemplateName = new("模板名称", "Name");
    public static readonly Word UsedAfter = new("用于", "Used after");
    public static readonly Word AfterOutbound = new("外呼通话后", "outbound calls");
    public static readonly Word AfterInbound = new("呼入通话后", "inbound calls");
    public static readonly Word Status = new("状态", "Status");
    public static readonly Word Enabled = new("启用", "Enabled");
    public static readonly Word Disabled = new("停用", "Disabled");
    public static readonly Word GuidePrompt = new("引导语音", "Guide prompt");
    public static readonly Word ClosingPrompt = new("结束语音", "Closing prompt");
    public static readonly Word InvalidPrompt = new("按键无效语音", "Invalid-key prompt");
    public static readonly Word TimeoutPrompt = new("超时语音", "Timeout prompt");
    public static readonly Word PromptHelp = new("语音文件名（sounds/ 下，不含扩展名，不能有空格）。", "A prompt's file name (under sounds/, no extension, no spaces).");
    public static readonly Word PromptWordsLabel = new("播报文字", "Words");
    public static readonly Word PromptFileLabel = new("或语音文件", "or a prompt file");
    public static readonly Word PromptRecordingLabel = new("或上传录音（WAV）", "or upload a recording (WAV)");
    public static readonly Word PromptWordsHelp = new(
        "保存时用语音合成生成 8 kHz 语音，下次来电即播放；填了文字就不用文件名。上传录音则替换文字。引导语音留空（文字和文件名都空）时按按键含义自动生成。",
        "Spoken into an 8 kHz prompt on save and played from the next call; words win over the file name. An uploaded recording replaces the words. A guide left empty (no words, no file) is made from the keys' meanings.");
    public static readonly Word PromptListen = new("试听", "Listen");
    public static readonly Word PromptNoWordsHere = new("此控制器未设置语音目录（Prompts:Directory），不能用文字或录音。", "This controller has no prompts directory (Prompts:Directory): words and recordings cannot be used.");
    public static readonly Word WaitSeconds = new("等待按键（秒）", "Wait for a key (seconds)");
    public static readonly Word Retries = new("重试次数", "Retries");
    public static readonly Word PromptLanguage = new("语音语言", "Prompt language");
    public static readonly Word PromptsInChinese = new("中文 (zh-CN)", "Chinese (zh-CN)");
    public static readonly Word PromptsInEnglish = new("英文 (en)", "English (en)");
    public static readonly Word Keys = new("按键", "Keys");
    public static readonly Word KeysHelp = new("客户可以按的键、它的含义和分数；空行不算。", "The keys a customer may press, what each means and scores; empty rows are left out.");
    public static readonly Word Key = new("键", "Key");
    public static readonly Word KeyLabel = new("含义", "Meaning");
    public static readonly Word KeyScore = new("分数", "Score");
    public static readonly Word NotAKey = new("按键是 0-9、* 或 # 中的一个。", "A key is one of 0-9, * or #.");
    public static readonly Word NoTemplates = new("还没有模板。", "No templates yet.");

    // Agents
    public static readonly Word NavAgents = new("坐席", "Agents");
    public static readonly Word AgentsIntro = new(
        "坐席工号就是话机注册的 SIP 用户。停用的坐席不接回拨和 IVR 来电，仍可外呼。",
        "An agent's id is the SIP user their phone registers as. An offline agent gets no callbacks or IVR calls, and can still call out.");
    public static readonly Word NewAgent = new("新增坐席", "New agent");
    public static readonly Word EditAgent = new("编辑坐席", "Edit agent");
    public static readonly Word AgentId = new("坐席工号（SIP 用户）", "Agent id (SIP user)");
    public static readonly Word AgentName = new("姓名", "Name");
    public static readonly Word AgentActive = new("在岗", "Active");
    public static readonly Word AgentOffline = new("停用（不接回拨和 IVR 来电）", "Offline (no callbacks or IVR calls)");
    public static readonly Word SkillGroups = new("技能组", "Skill groups");
    public static readonly Word NoAgents = new("还没有坐席。", "No agents yet.");

    // Our numbers
    public static readonly Word NavNumbers = new("外显号码", "Our numbers");
    public static readonly Word NumbersIntro = new(
        "客户看到的我们的号码：归属地（相同归属地分配用）、并发和每日上限、呼入时的 IVR 菜单、关联的技能组。停用的号码不再外显。",
        "The numbers customers see: region (for the same-region rule), concurrency and daily caps, the IVR menu for calls to it, its skill groups. A disabled number is no longer shown.");
    public static readonly Word NewNumber = new("新增号码", "New number");
    public static readonly Word EditNumber = new("编辑号码", "Edit number");
    public static readonly Word Number = new("号码", "Number");
    public static readonly Word NumberHelp = new("任何写法都可以：021-5281-0000、+86 21 5281 0000。", "Any way of writing it: 021-5281-0000, +86 21 5281 0000.");
    public static readonly Word Province = new("省份", "Province");
    public static readonly Word City = new("城市", "City");
    public static readonly Word RegionHelp = new("都不填时按号码自动判断。", "Leave both empty to have it worked out from the number.");
    public static readonly Word MaxConcurrent = new("并发上限", "Concurrent calls at most");
    public static readonly Word DailyCap = new("每日上限", "Calls a day at most");
    public static readonly Word NoLimitHelp = new("不填为不限。", "Empty: no limit.");
    public static readonly Word IvrMenu = new("呼入 IVR 菜单", "IVR menu for calls to it");
    public static readonly Word NoMenu = new("无", "None");
    public static readonly Word Region = new("归属地", "Region");
    public static readonly Word Caps = new("上限（并发 / 每日）", "Caps (concurrent / a day)");
    public static readonly Word NoNumbers = new("还没有号码。", "No numbers yet.");

    // Skill groups
    public static readonly Word NavSkillGroups = new("技能组", "Skill groups");
    public static readonly Word SkillGroupsIntro = new(
        "外呼技能组关联的号码用于外显（外呼技能组关联号码分配）；呼入技能组由 IVR 菜单转入。坐席和号码在各自的页面加入技能组。",
        "The numbers linked to an outbound skill group are what its agents' customers see; inbound groups take calls from the IVR. Agents and numbers join groups on their own pages.");
    public static readonly Word NewSkillGroup = new("新增技能组", "New skill group");
    public static readonly Word EditSkillGroup = new("编辑技能组", "Edit skill group");
    public static readonly Word SkillGroupId = new("技能组编号", "Skill group id");
    public static readonly Word SkillGroupName = new("名称", "Name");
    public static readonly Word SkillGroupDirection = new("用途", "Used for");
    public static readonly Word DirectionOutbound = new("外呼", "Outbound");
    public static readonly Word DirectionInbound = new("呼入", "Inbound");
    public static readonly Word DirectionBoth = new("呼入和外呼", "Both");
    public static readonly Word Members = new("坐席 / 号码", "Agents / numbers");
    public static readonly Word NoSkillGroups = new("还没有技能组。", "No skill groups yet.");

    // Customer IDs
    public static readonly Word NavCustomers = new("客户 ID", "Customer IDs");
    public static readonly Word CustomersIntro = new(
        "号码保护选“真实号码映射为用户 ID”且没有接 CRM 时，坐席看到和拨打的客户 ID 从这张表查。号码只显示掩码。",
        "In the customer-ID protection mode without a CRM, the customer IDs agents see and dial come from this table. Numbers are only shown masked.");
    public static readonly Word CustomerId = new("客户 ID", "Customer ID");
    public static readonly Word MaskedNumber = new("号码（掩码）", "Number (masked)");
    public static readonly Word CustomersTotal = new("共 {0} 条，显示前 {1} 条。", "{0} in all; the first {1} shown.");
    public static readonly Word ImportTitle = new("导入 CSV", "Import a CSV file");
    public static readonly Word CustomersCsvHelp = new(
        "UTF-8 文件，首行为 customer_id,number。有任何一行出错则整份不导入，并列出每一行的问题。",
        "A UTF-8 file whose first line is customer_id,number. Any bad line keeps the whole file out, and every bad line is listed.");
    public static readonly Word ReplaceAll = new("以文件为准：删除文件中没有的客户", "Make the table exactly the file: remove customers not in it");
    public static readonly Word ImportButton = new("导入", "Import");
    public static readonly Word NoFile = new("请选择一个文件。", "Choose a file.");
    public static readonly Word Imported = new("已导入 {0} 条（新增 {1}，修改 {2}，删除 {3}）。", "Imported {0} ({1} new, {2} changed, {3} removed).");
    public static readonly Word NotImported = new("未导入，以下各行需要先改正：", "Nothing was imported; fix these lines first:");

    // Region table
    public static readonly Word NavRegions = new("归属地表", "Region table");
    public static readonly Word RegionsIntro = new(
        "号码前缀（7 位手机号段、带 0 的区号）对应的省份和城市，最长前缀优先；它优先于内置的号码归属地库（后者不认识 16x/19x/172/175/149 等号段）。",
        "Number prefixes (7-digit mobile prefixes, area codes with their 0) and their province and city; the longest prefix wins, and the table wins over the built-in geocoder (which knows no 16x/19x/172/175/149).");
    public static readonly Word Prefix = new("前缀", "Prefix");
    public static readonly Word PrefixFilter = new("按前缀查找", "Find by prefix");
    public static readonly Word Find = new("查找", "Find");
    public static readonly Word RegionsTotal = new("共 {0} 条，显示前 {1} 条。", "{0} in all; the first {1} shown.");
    public static readonly Word RegionsCsvHelp = new(
        "UTF-8 文件，首行为 prefix,province,city。有任何一行出错则整份不导入，并列出每一行的问题。",
        "A UTF-8 file whose first line is prefix,province,city. Any bad line keeps the whole file out, and every bad line is listed.");
    public static readonly Word ReplaceRegions = new("以文件为准：删除文件中没有的前缀", "Make the table exactly the file: remove prefixes not in it");

    // Audit
    public static readonly Word AuditIntro = new("每一次修改，无论在控制台还是用 ivrctl（最近 200 条）。", "Every change, made in the console or with ivrctl (latest 200).");
    public static readonly Word When = new("时间 (UTC)", "When (UTC)");
    public static readonly Word Who = new("操作人", "Who");
    public static readonly Word What = new("对象", "What");
    public static readonly Word Detail = new("内容", "Change");
    public static readonly Word AuditEmpty = new("还没有记录。", "Nothing yet.");

    // Explain
    public static readonly Word NavExplain = new("呼叫解释", "Explain");
    public static readonly Word ExplainIntro = new(
        "控制器此刻会如何处理一通电话，以及原因：与 ivrctl explain 同一套规则，使用运行中的控制器的号码计数和坐席状态。客户号码提交后不会回显。",
        "What the controller would do with a call now, and why: the rules of ivrctl explain, with the running controller's number counters and agent presence. A customer number you enter is never shown back.");
    public static readonly Word ExplainOutbound = new("坐席外呼客户", "An agent calls a customer");
    public static readonly Word ExplainOutboundHelp = new("客户看到我们的哪个号码（哪一级规则），坐席看到什么。", "Which of our numbers the customer sees (from which tier), and what the agent sees.");
    public static readonly Word ExplainCallback = new("客户来电", "A customer calls us");
    public static readonly Word ExplainCallbackHelp = new("客户拨打我们的号码时，电话转给谁、为什么。", "Where a customer's call to one of our numbers goes, and why.");
    public static readonly Word AgentColumn = new("坐席", "Agent");
    public static readonly Word CustomerNumberOrId = new("客户号码或客户 ID", "Customer number or customer ID");
    public static readonly Word CustomerNumber = new("客户号码", "Customer number");
    public static readonly Word OurNumber = new("我们的号码", "Our number");
    public static readonly Word AssumeUnavailable = new("假设原坐席不可用", "Assume the remembered agent is unavailable");
    public static readonly Word ExplainButton = new("解释", "Explain");
    public static readonly Word RulesInForce = new("规则", "Rules");
    public static readonly Word CustomerColumn = new("客户", "Customer");
    public static readonly Word Tiers = new("逐级尝试", "Tiers tried");
    public static readonly Word CustomerSees = new("客户看到", "Customer sees");
    public static readonly Word FromTier = new("来自", "from tier");
    public static readonly Word CustomerSeesNothing = new("无：外呼被拒绝并提示坐席（绝不使用坐席分机号）", "nothing: the call is refused with a prompt to the agent (never the agent's extension)");
    public static readonly Word AgentSees = new("坐席看到", "Agent sees");
    public static readonly Word ReasonLine = new("原因", "Reason");
    public static readonly Word NotesLine = new("说明", "Notes");
    public static readonly Word CallLine = new("通话", "Call");
    public static readonly Word DecisionLine = new("决定", "Decision");
    public static readonly Word ThenLine = new("然后", "Then");
    public static readonly Word MenuLine = new("IVR 菜单", "IVR menu");
    public static readonly Word RequiredField = new("必填。", "Required.");

    // Live
    public static readonly Word NavLive = new("实时状态", "Live");
    public static readonly Word LiveIntro = new("坐席、进行中的通话和控制器的连接，每 3 秒刷新（客户号码已掩码）。", "Agents, calls in progress and the controller's connections, refreshed every 3 s (customer numbers masked).");
    public static readonly Word LiveAt = new("更新于", "As of");
    public static readonly Word LiveStale = new("无法刷新（会话已过期或控制器无响应），显示的是旧数据。", "Cannot refresh (session expired or the controller does not answer): what you see is old.");
    public static readonly Word ConnectionsSection = new("连接", "Connections");
    public static readonly Word SwitchLink = new("交换机（事件套接字）", "Switch (event socket)");
    public static readonly Word SwitchColumn = new("注册于交换机", "Registered on switch");
    public static readonly Word DatabaseLink = new("数据库", "Database");
    public static readonly Word LinkUp = new("已连接", "connected");
    public static readonly Word NotConnected = new("未连接", "not connected");
    public static readonly Word PresenceStale = new("（坐席状态可能过时）", "(agent presence may be stale)");
    public static readonly Word JournalBacklog = new("待写入数据库的记录", "Journal backlog");
    public static readonly Word UnknownValue = new("未知", "unknown");
    public static readonly Word BytesUnit = new("字节", "bytes");
    public static readonly Word AgentState = new("状态", "State");
    public static readonly Word StateOnCall = new("通话中", "on a call");
    public static readonly Word StateRegistered = new("已注册（空闲）", "registered (free)");
    public static readonly Word StateOffline = new("离线（未注册）", "offline (not registered)");
    public static readonly Word StateDisabled = new("已停用", "disabled by an admin");
    public static readonly Word SinceColumn = new("开始于", "Since");
    public static readonly Word CallsInProgress = new("进行中的通话", "Calls in progress");
    public static readonly Word NoCallsInProgress = new("没有进行中的通话。", "No calls in progress.");
    public static readonly Word FlowColumn = new("类型", "Flow");

    // Reports
    public static readonly Word NavReports = new("报表", "Reports");
    public static readonly Word ReportsIntro = new("所有通话、满意度评价和未接回拨；时间为 UTC，日期按呼叫中心所在时区。客户号码已掩码（客户 ID 模式下显示客户 ID）。", "Every call, survey result and missed callback; times in UTC, days in the call centre's time zone. Customer numbers masked (the customer ID in customer-ID mode).");
    public static readonly Word ReportCalls = new("通话", "Calls");
    public static readonly Word ReportSurveys = new("满意度", "Surveys");
    public static readonly Word ReportMissed = new("未接回拨", "Missed callbacks");
    public static readonly Word Days = new("最近天数", "Last days");
    public static readonly Word AllAgents = new("全部坐席", "All agents");
    public static readonly Word AllKinds = new("全部类型", "All kinds");
    public static readonly Word ShowButton = new("显示", "Show");
    public static readonly Word DownloadCsv = new("下载 CSV", "Download CSV");
    public static readonly Word KindColumn = new("类型", "Kind");
    public static readonly Word KindOutbound = new("外呼", "outbound");
    public static readonly Word KindCallback = new("回拨", "callback");
    public static readonly Word KindIvr = new("IVR", "IVR");
    public static readonly Word CallOutcome = new("结果", "Outcome");
    public static readonly Word DurationColumn = new("时长", "Duration");
    public static readonly Word CallSwitchColumn = new("交换机", "Switch");
    public static readonly Word StartedColumn = new("开始 (UTC)", "Started (UTC)");
    public static readonly Word NoRows = new("这段时间没有记录。", "Nothing in this period.");
    public static readonly Word RowsShown = new("共 {0} 条（最多显示 {1} 条）。", "{0} rows (at most {1} shown).");
    public static readonly Word TemplateColumn = new("模板", "Template");
    public static readonly Word KeyColumn = new("按键", "Key");
    public static readonly Word ScoreColumn = new("分数", "Score");
    public static readonly Word FollowUp = new("跟进", "Follow-up");
    public static readonly Word FollowUpNeeded = new("低分，待跟进", "low rating: to follow up");
    public static readonly Word FollowUpDone = new("已跟进：{0}，{1}", "done by {0} at {1}");
    public static readonly Word MarkDone = new("标记已跟进", "Mark done");
    public static readonly Word MarkedDone = new("已标记为已跟进。", "Marked done.");
    public static readonly Word PerAgent = new("按坐席平均分", "Average per agent");
    public static readonly Word PerDay = new("按日平均分", "Average per day");
    public static readonly Word RatedColumn = new("评分数", "Rated");
    public static readonly Word AverageColumn = new("平均分", "Average");
    public static readonly Word DayColumn = new("日期", "Day");
    public static readonly Word ChartTitle = new("每日平均分", "Average score per day");
    public static readonly Word AtColumn = new("时间 (UTC)", "At (UTC)");
    public static readonly Word Dialled = new("所拨号码", "Dialled");
    public static readonly Word CallBack = new("回拨", "Call back");
    public static readonly Word CallBackStarted = new("已发起回拨：", "Call placed: ");
    public static readonly Word CallBackFailed = new("回拨未成功：", "The call did not go through: ");
    public static readonly Word NoSuchMissedCallback = new("没有这条未接回拨。", "There is no such missed callback.");
    public static readonly Word BadDays = new("天数须为 1 到 366。", "Days must be 1 to 366.");

    // IVR menus
    public static readonly Word NavMenus = new("IVR 菜单", "IVR menus");
    public static readonly Word MenuDisabledHelp = new(
        "停用的菜单不再播放：拨打选用它的号码的客户听到“服务暂不可用”提示后挂机（与号码没有菜单时相同），转到它的按键直接挂机。",
        "A disabled menu is not played: a customer calling a number that chooses it hears the service-unavailable prompt and the call ends (as for a number without a menu); a key that goes to it ends the call.");

    public static readonly Word MenusIntro = new(
        "客户拨打我们的号码时听到的菜单：欢迎语音、按键转到技能组、坐席或子菜单；多次按错或不按后执行默认动作。号码在外显号码页面选择菜单。",
        "The menu a customer hears when calling one of our numbers: a greeting, keys to a skill group, an agent or a submenu, and the default action after too many wrong or missing keys. A number chooses its menu on the numbers page.");
    public static readonly Word NewMenu = new("新增菜单", "New menu");
    public static readonly Word EditMenu = new("编辑菜单", "Edit menu");
    public static readonly Word MenuName = new("菜单名称", "Name");
    public static readonly Word MenuNameHelp = new("小写字母、数字、_ 或 -，最多 64 个；保存后不能修改。", "Lower-case letters, digits, '_' or '-', at most 64; it cannot change later.");
    public static readonly Word MenuNumbers = new("使用此菜单的号码", "Numbers that play it");
    public static readonly Word Greeting = new("欢迎语音", "Greeting");
    public static readonly Word MenuOptions = new("按键", "Keys");
    public static readonly Word MenuOptionsHelp = new(
        "客户按的键和它转到哪里；转技能组、坐席和子菜单要填目标（技能组编号、坐席工号、菜单名称）。空行不算。",
        "The key a customer presses and where it goes; a skill group, an agent or a submenu needs its target (skill group id, agent id, menu name). Empty rows are left out.");
    public static readonly Word OptionAction = new("转到", "Goes to");
    public static readonly Word OptionTarget = new("目标", "Target");
    public static readonly Word ActionSkillGroup = new("技能组", "skill group");
    public static readonly Word ActionAgent = new("坐席", "agent");
    public static readonly Word ActionSubmenu = new("子菜单", "submenu");
    public static readonly Word ActionRepeat = new("重听本菜单", "repeat this menu");
    public static readonly Word ActionHangup = new("挂机", "hang up");
    public static readonly Word TargetMismatch = new(
        "技能组、坐席和子菜单需要目标；重听和挂机不填目标。",
        "A skill group, an agent or a submenu needs a target; repeat and hang up take none.");
    public static readonly Word MaxRetriesLabel = new("重试次数（按错或不按后再听几次）", "Retries (more tries after a wrong or missing key)");
    public static readonly Word DefaultActionLabel = new("重试用完后", "After the last try");
    public static readonly Word MenuPromptsHelp = new(
        "保存时用语音合成生成 8 kHz 语音，下次来电即播放；中文文字用中文语音，英文文字用英文语音。填了文字就不用文件名；上传录音则替换文字。",
        "Spoken into an 8 kHz prompt on save and played from the next call; Chinese words get a Chinese voice, English words an English one. Words win over the file name; an uploaded recording replaces the words.");
    public static readonly Word NoMenus = new("还没有 IVR 菜单。", "No IVR menus yet.");
    public static readonly Word RemoveMenu = new("删除菜单", "Remove menu");
    public static readonly Word RemoveMenuHelp = new(
        "其他菜单还转到此菜单时不能删除；使用此菜单的号码将没有菜单。",
        "Refused while another menu goes to it; numbers that play it are left without a menu.");
    public static readonly Word RemovedMenu = new("已删除菜单 {0}。", "Removed menu {0}.");
    public static readonly Word NumbersLeftWithoutMenu = new("这些号码现在没有菜单：{0}", "These numbers now have no menu: {0}");
    public static readonly Word NotRemoved = new("未删除。", "Not removed.");
}
