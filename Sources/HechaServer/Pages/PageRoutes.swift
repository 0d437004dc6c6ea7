import HTTPTypes
import Hummingbird
import HechaLedger

/// The pages: `/login`, `/` (我的线索), `/leads/{id}`, `/stats` (统计, admins), and the one
/// script and style sheet they share, all served from this process (no external assets). The
/// pages are shells; their content comes from the JSON API, which enforces every access rule.
struct PageRoutes: Sendable {
    func add(to router: Router<WorkbenchContext>) {
        router.get("/login") { _, _ in PageShell.html(.login) }
        router.get("/") { _, context in context.session == nil ? PageShell.toLogin : PageShell.html(.leads) }
        router.get("/leads/{id}") { _, context in context.session == nil ? PageShell.toLogin : PageShell.html(.lead) }
        router.get("/stats") { _, context in
            guard let s = context.session else { return PageShell.toLogin }
            return s.user.role == .admin ? PageShell.html(.stats) : PageShell.notFound
        }
        router.get("/assets/app.js") { _, _ in PageShell.asset(WorkbenchScript.text, type: "text/javascript; charset=utf-8") }
        router.get("/assets/app.css") { _, _ in PageShell.asset(WorkbenchStyle.text, type: "text/css; charset=utf-8") }
    }
}

/// The HTML of each page: a header, an empty main the script fills, the shared assets.
enum PageShell {
    enum Page: String {
        case login, leads, lead, stats

        var title: String {
            switch self {
            case .login: "登录"
            case .leads: "我的线索"
            case .lead: "线索详情"
            case .stats: "统计"
            }
        }
    }

    static func html(_ page: Page) -> Response {
        let body: String
        switch page {
        case .login:
            body = """
                <main class="narrow">
                  <h1>核查工作台</h1>
                  <form id="login-form" autocomplete="on">
                    <label>用户名 <input id="login-user" name="user" autocomplete="username" required></label>
                    <label>密码 <input id="login-password" name="password" type="password" autocomplete="current-password" required></label>
                    <button id="login-submit" type="submit">登录</button>
                    <p id="login-error" class="error" role="alert" hidden></p>
                  </form>
                </main>
                """
        case .leads:
            body = """
                <main>
                  <h1>我的线索</h1>
                  <form id="filters" class="filters">
                    <label>镇街 <select id="filter-township" name="township" hidden></select></label>
                    <label>规则 <select id="filter-rule" name="rule"><option value="">全部</option></select></label>
                    <label>村居 <select id="filter-village" name="village"><option value="">全部</option></select></label>
                    <label>状态 <select id="filter-status" name="status"><option value="">待核查和核查中</option><option value="all">全部</option></select></label>
                    <label>户编号 <input id="filter-household" name="household" inputmode="numeric"></label>
                    <button type="submit">筛选</button>
                    <a id="export-link" class="button secondary" href="/api/leads.csv">导出 CSV</a>
                  </form>
                  <p id="list-summary" class="muted"></p>
                  <table id="leads" class="cards"><thead><tr><th>线索</th><th>规则</th><th>户编号</th><th>村居</th><th>状态</th><th>核查期限</th><th>金额</th></tr></thead><tbody></tbody></table>
                  <nav class="pager"><button id="page-prev" type="button">上一页</button><span id="page-info"></span><button id="page-next" type="button">下一页</button></nav>
                </main>
                """
        case .lead:
            body = """
                <main id="lead-page">
                  <p><a href="/">← 我的线索</a></p>
                  <h1 id="lead-title">线索</h1>
                  <p id="lead-status" class="status"></p>
                  <dl id="lead-meta" class="meta"></dl>
                  <p id="evidence-note" class="notice" hidden></p>
                  <section><h2>核查要点</h2><p id="lead-verify"></p></section>
                  <section><h2>关键证据</h2><table id="lead-evidence" class="cards"><tbody></tbody></table></section>
                  <section><h2>家庭成员</h2>
                    <p id="lead-contact"></p>
                    <table id="lead-members" class="cards"><thead><tr><th>姓名</th><th>身份证号</th><th>与户主关系</th><th>共同生活</th><th>保障对象</th></tr></thead><tbody></tbody></table>
                    <button id="reveal" type="button" class="secondary">显示完整信息（将记入查阅日志）</button>
                  </section>
                  <section><h2>核查结果</h2>
                    <form id="outcome-form">
                      <label>状态 <select id="outcome-status" name="status"></select></label>
                      <label data-for="dismissed">不属实原因 <select id="outcome-reason" name="reason"></select></label>
                      <label data-for="confirmed">处理方式 <select id="outcome-action" name="action"></select></label>
                      <label data-for="confirmed">追回/补发金额（元） <input id="outcome-amount" name="amount" inputmode="decimal"></label>
                      <label>核查日期 <input id="outcome-date" name="date" type="date"></label>
                      <label>备注 <textarea id="outcome-note" name="note" rows="3" maxlength="2000"></textarea></label>
                      <button id="outcome-submit" type="submit">保存</button>
                      <p id="outcome-message" role="status"></p>
                    </form>
                  </section>
                  <section><h2>处理记录</h2><table id="lead-events" class="cards"><thead><tr><th>时间</th><th>操作人</th><th>变化</th><th>说明</th></tr></thead><tbody></tbody></table></section>
                  <section><details><summary>推理过程</summary><pre id="lead-explanation"></pre></details></section>
                </main>
                """
        case .stats:
            body = """
                <main>
                  <h1>统计</h1>
                  <p id="stats-total" class="muted"></p>
                  <h2>按镇街和规则</h2>
                  <table id="stats-township-rule" class="cards"><thead><tr><th>镇街</th><th>规则</th><th>线索</th><th>待核查</th><th>超期</th><th>属实</th><th>不属实</th><th>查实率</th><th>追回/补发（元）</th></tr></thead><tbody></tbody></table>
                  <h2>按规则</h2>
                  <table id="stats-rule" class="cards"><thead><tr><th>规则</th><th>线索</th><th>待核查</th><th>超期</th><th>属实</th><th>不属实</th><th>查实率</th><th>属实金额（元）</th><th>追回/补发（元）</th></tr></thead><tbody></tbody></table>
                </main>
                """
        }
        let header = page == .login ? "" : """
            <header class="top"><a href="/" class="brand">核查</a><nav id="user-nav"></nav></header>
            """
        let html = """
            <!doctype html>
            <html lang="zh-CN">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(page.title) · 核查工作台</title><link rel="stylesheet" href="/assets/app.css"></head>
            <body data-page="\(page.rawValue)">
            \(header)
            \(body)
            <script src="/assets/app.js"></script>
            </body>
            </html>

            """
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// A page asked without a session: to the login page.
    static var toLogin: Response { Response(status: .seeOther, headers: [.location: "/login"]) }

    /// What a page this user may not see answers, like one that does not exist.
    static var notFound: Response {
        Response(status: .notFound, headers: [.contentType: "text/html; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: "<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>未找到</title><p>未找到。<a href=\"/\">返回</a></p></html>\n")))
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "max-age=300"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
