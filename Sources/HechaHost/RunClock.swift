import Foundation

/// The run's start and end times as the manifest records them: ISO 8601 in UTC, to the second.
enum RunClock {
    static func iso(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }
}
