import Foundation
import Vapor

/// Gives every request one id, in every log line of it and in the `X-Request-Id` response header: the proxy's
/// (nginx's `$request_id`) when it sends a sensible one, so a user's complaint, the proxy's log and the app's log
/// meet on one string. Errors and slow requests are logged with their timing; the rest at debug level.
struct RequestIDMiddleware: AsyncMiddleware {
    static let header = "X-Request-Id"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // Vapor's own `request.id` copies the header as it came: a refused one gets a fresh UUID instead.
        let given = request.headers.first(name: Self.header)
        let id = given.flatMap(Self.accepted) ?? (given == nil ? request.id : UUID().uuidString)
        request.logger[metadataKey: "request-id"] = .string(id)
        let start = DispatchTime.now().uptimeNanoseconds
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: Self.header, value: id)
        let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        let level: Logger.Level = response.status.code >= 500 ? .error : ms > 1000 ? .notice : .debug
        request.logger.log(
            level: level, "\(request.method.rawValue) \(request.url.path) \(response.status.code)",
            metadata: ["status": .stringConvertible(response.status.code), "duration_ms": .string(String(format: "%.1f", ms))])
        return response
    }

    /// 1–64 characters of letters, digits, dot, underscore and hyphen: anything else could forge log lines.
    static func accepted(_ value: String) -> String? {
        guard (1...64).contains(value.utf8.count),
            value.utf8.allSatisfy({
                $0 == 0x2D || $0 == 0x2E || $0 == 0x5F || (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0)
            })
        else { return nil }
        return value
    }
}
