import Foundation
import Hummingbird
import HechaLedger

/// `POST /api/login`, `POST /api/logout`, `GET /api/session`.
struct AuthRoutes: Sendable {
    let state: WorkbenchState

    func add(to router: Router<WorkbenchContext>) {
        router.post("/api/login") { request, context in try await login(request, context) }
        router.post("/api/logout") { _, context in try await logout(context) }
        router.get("/api/session") { _, context in
            let s = try WorkbenchState.session(context)
            return JSONResponse.make(SessionJSON(s))
        }
    }

    /// Checks `{"user", "password"}`; on success sets the session cookie and answers the CSRF
    /// token. A wrong password, an unknown or disabled user all answer the same 401.
    func login(_ request: Request, _ context: WorkbenchContext) async throws -> Response {
        let body = try await JSONBody.object(request, context)
        let user = try JSONBody.string(body, "user", required: true)!
        let password = try JSONBody.string(body, "password", required: true)!
        try JSONBody.only(body, ["user", "password"])
        let ledger = state.ledger, throttle = state.configuration.throttle, lifetime = state.configuration.lifetime
        let result = try await offload { try ledger.authenticate(user, password: password, throttle: throttle) }
        switch result {
        case .refused:
            throw APIError(status: .unauthorized, message: "wrong user name or password", field: nil)
        case .locked(let until):
            let minutes = max(1, Int((until.timeIntervalSinceNow / 60).rounded(.up)))
            throw APIError(status: .tooManyRequests, message: "too many failed logins for this user: try again in \(minutes) minute(s)", field: nil)
        case .accepted(let u):
            let session = try await offload { try ledger.openSession(for: u, lifetime: lifetime) }
            var response = JSONResponse.make(SessionJSON(session))
            response.setCookie(SessionCookie.set(session.token, maxAge: lifetime.absoluteSeconds, secure: state.configuration.secureCookies))
            return response
        }
    }

    func logout(_ context: WorkbenchContext) async throws -> Response {
        let s = try WorkbenchState.session(context)
        let ledger = state.ledger
        try await offload { try ledger.closeSession(s.token) }
        var response = JSONResponse.make(["ok": true])
        response.setCookie(SessionCookie.clear(secure: state.configuration.secureCookies))
        return response
    }
}

/// Who is logged in, and the CSRF token their changes must carry.
struct SessionJSON: Encodable, Sendable {
    var user: String
    var role: String
    var township: String?
    var csrf: String
    var expires_at: String

    init(_ s: WorkbenchSession) {
        user = s.user.name; role = s.user.role.rawValue; township = s.user.township; csrf = s.csrf
        expires_at = ledgerTimestamp(s.expiresAt)
    }
}
