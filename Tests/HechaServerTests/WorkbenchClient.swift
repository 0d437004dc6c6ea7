import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

/// A browser's part in the API tests: it keeps the session cookie and the CSRF token of its login
/// and sends them back as a page would.
struct WorkbenchClient: Sendable {
    let client: any TestClientProtocol
    var cookie: String?
    var csrf: String?

    init(_ client: any TestClientProtocol) { self.client = client }

    /// An answer: its status, headers and the body parsed as JSON when it is.
    struct Answer: Sendable {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var text: String
        var json: [String: any Sendable] {
            (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: any Sendable]) ?? [:]
        }
    }

    /// Logs in; on success keeps the cookie and the token.
    @discardableResult
    mutating func login(_ user: String, _ password: String) async throws -> Answer {
        let a = try await send(.post, "/api/login", json: ["user": user, "password": password], csrf: false)
        if a.status == .ok {
            cookie = a.headers[.setCookie].flatMap { $0.split(separator: ";").first.map(String.init) }
            csrf = a.json["csrf"] as? String
        }
        return a
    }

    func get(_ uri: String) async throws -> Answer { try await send(.get, uri) }

    func post(_ uri: String, json: [String: Any]? = nil, raw: String? = nil, csrf sendCSRF: Bool = true, token: String? = nil,
              origin: String? = nil) async throws -> Answer {
        try await send(.post, uri, json: json, raw: raw, csrf: sendCSRF, token: token, origin: origin)
    }

    func send(_ method: HTTPRequest.Method, _ uri: String, json: [String: Any]? = nil, raw: String? = nil, csrf sendCSRF: Bool = true,
              token: String? = nil, origin: String? = nil) async throws -> Answer {
        var headers: HTTPFields = [:]
        if let cookie { headers[.cookie] = cookie }
        if sendCSRF, let t = token ?? csrf { headers[HTTPField.Name("X-CSRF-Token")!] = t }
        if let origin { headers[.origin] = origin }
        var body: ByteBuffer?
        if let json {
            headers[.contentType] = "application/json"
            body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json))
        } else if let raw {
            headers[.contentType] = "application/json"
            body = ByteBuffer(string: raw)
        }
        let r = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        return Answer(status: r.status, headers: r.headers, text: String(buffer: r.body))
    }
}
