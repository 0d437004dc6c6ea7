import Foundation
import HTTPTypes
import Hummingbird
import HechaLedger

/// Every request passes here first: it finds the session of the `hecha_session` cookie, refuses
/// state-changing requests from another site (by their `Origin`) and those without the session's
/// CSRF token, answers `APIError`s as JSON, and adds the security headers every page needs.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = WorkbenchContext
    let ledger: LedgerStore
    let lifetime: SessionLifetime

    /// Routes that change nothing on the server or need no session before them.
    static let withoutCSRF: Set<String> = ["/api/login"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        do {
            if let token = request.cookies[SessionCookie.name]?.value, !token.isEmpty {
                let lifetime = self.lifetime
                context.session = try await offload { [ledger] in try ledger.session(token, lifetime: lifetime) }
            }
            if request.method != .get && request.method != .head {
                try SessionMiddleware.checkOrigin(request)
                if !SessionMiddleware.withoutCSRF.contains(request.uri.path) {
                    guard let session = context.session else { throw APIError.notLoggedIn }
                    guard let sent = request.headers[SessionMiddleware.csrfHeader], CSRF.same(sent, session.csrf) else { throw APIError.badCSRF }
                }
            }
            var response = try await next(request, context)
            SessionMiddleware.secure(&response.headers)
            return response
        } catch let e as APIError {
            var response = e.response
            SessionMiddleware.secure(&response.headers)
            return response
        } catch let e as LedgerError {
            var response = APIError(status: .internalServerError, message: e.message, field: nil).response
            SessionMiddleware.secure(&response.headers)
            return response
        }
    }

    /// The header that carries the CSRF token.
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!

    /// A browser names the page a request comes from in `Origin`; it must be this server.
    static func checkOrigin(_ request: Request) throws {
        guard let origin = request.headers[.origin] else { return }
        guard let host = request.head.authority,
              let url = URL(string: origin), let originHost = url.host
        else { throw APIError.foreignOrigin }
        let originAuthority = url.port.map { "\(originHost):\($0)" } ?? originHost
        if originAuthority.lowercased() != host.lowercased() { throw APIError.foreignOrigin }
    }

    /// No framing by other sites, no scripts or styles but the server's own, no sniffing, no
    /// referrer (lead ids are in the addresses).
    static func secure(_ headers: inout HTTPFields) {
        headers[.contentSecurityPolicy] = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
        headers[.xContentTypeOptions] = "nosniff"
        headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
    }
}

/// Comparing CSRF tokens in time independent of where they differ.
enum CSRF {
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var d: UInt8 = 0
        for i in x.indices { d |= x[i] ^ y[i] }
        return d == 0
    }
}

/// The session cookie: `HttpOnly` (no script reads it), `SameSite=Strict` (no other site sends
/// it), `Secure` when the workbench is reached over TLS, `Path=/`.
enum SessionCookie {
    static let name = "hecha_session"

    static func set(_ token: String, maxAge: Int, secure: Bool) -> Cookie {
        Cookie(name: name, value: token, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    static func clear(secure: Bool) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }
}
