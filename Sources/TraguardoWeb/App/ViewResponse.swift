import Vapor

/// Pages that re-render a form with an error answer 422 (or another status) instead of 200.
extension View {
    func encodeResponse(status: HTTPStatus, for req: Request) async throws -> Response {
        let response = try await encodeResponse(for: req)
        response.status = status
        return response
    }
}
