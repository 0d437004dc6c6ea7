import Foundation
import HTTPTypes
import Hummingbird

/// An answer other than success, as JSON `{"error": "...", "field": "..."}` with its HTTP status:
/// 400 names the field that is wrong, 401 asks to log in, 403 refuses a request without its CSRF
/// token, 404 is also what a lead of another township answers (its existence is not disclosed).
struct APIError: Error, Sendable {
    var status: HTTPResponse.Status
    var message: String
    var field: String?

    static func badInput(_ message: String, field: String?) -> APIError { APIError(status: .badRequest, message: message, field: field) }
    static let notLoggedIn = APIError(status: .unauthorized, message: "not logged in; POST /api/login first", field: nil)
    static let notFound = APIError(status: .notFound, message: "no such lead", field: nil)
    static let adminOnly = APIError(status: .notFound, message: "not found", field: nil)
    static let badCSRF = APIError(status: .forbidden, message: "missing or wrong CSRF token: send the token /api/login returned in the X-CSRF-Token header", field: nil)
    static let foreignOrigin = APIError(status: .forbidden, message: "a request from another site is refused", field: nil)

    /// The JSON response.
    var response: Response {
        var pairs: [String: String] = ["error": message]
        if let field { pairs["field"] = field }
        return JSONResponse.make(pairs, status: status)
    }
}

/// JSON responses: UTF-8, never cached (they hold personal data).
enum JSONResponse {
    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
