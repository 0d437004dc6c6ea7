import Foundation
import Hummingbird

/// Reading a request's JSON object field by field, so that a bad body gets a 400 naming the field.
enum JSONBody {
    /// The body as a JSON object.
    static func object(_ request: Request, _ context: WorkbenchContext) async throws -> [String: Any] {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: context.maxUploadSize)
        } catch {
            throw APIError.badInput("the body is larger than \(context.maxUploadSize) bytes", field: nil)
        }
        let data = Data(buffer: buffer)
        guard let value = try? JSONSerialization.jsonObject(with: data), let object = value as? [String: Any] else {
            throw APIError.badInput("the body must be a JSON object, e.g. {\"status\": \"confirmed\"}", field: nil)
        }
        return object
    }

    /// A text field: a JSON string (with `number`, a JSON number is taken as written); absent or
    /// null is nil.
    static func string(_ object: [String: Any], _ key: String, required: Bool = false, number: Bool = false) throws -> String? {
        switch object[key] {
        case nil, is NSNull:
            if required { throw APIError.badInput("\(key) is required", field: key) }
            return nil
        case let s as String:
            if required && s.isEmpty { throw APIError.badInput("\(key) is required", field: key) }
            return s
        case let n as NSNumber where number:
            return n.stringValue
        default:
            throw APIError.badInput("\(key) must be a string", field: key)
        }
    }

    /// Refuses any key but `allowed`, naming it.
    static func only(_ object: [String: Any], _ allowed: [String]) throws {
        if let extra = object.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw APIError.badInput("unknown field '\(extra)'; the fields are: \(allowed.joined(separator: ", "))", field: extra)
        }
    }
}
