import TraguardoPersistence
import Vapor

/// Turns errors into Italian pages (or JSON under /api), and sends anonymous visitors to the login page.
struct ErrorPages: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            // A database that cannot write is the machine's state, not a bug: 503 and an Italian explanation.
            let fault = StorageFault(error)
            let abort = fault.map { Abort(.serviceUnavailable, reason: $0.description) } ?? error as? any AbortError
            let status = abort?.status ?? .internalServerError
            if status == .internalServerError {
                request.logger.report(error: error)
            } else if let fault {
                request.logger.critical("Il database non accetta scritture (\(fault)): \(String(reflecting: error))")
            }
            if status == .unauthorized && !request.isAPI && request.method == .GET {
                let next = request.url.path + (request.url.query.map { "?\($0)" } ?? "")
                return request.redirect(to: Links.login(next: next))
            }
            let reason = Self.message(for: status, abort: abort)
            if request.isAPI || request.headers.accept.first?.mediaType == .json {
                let response = Response(status: status)
                if let allow = abort?.headers.first(name: "Allow") { response.headers.replaceOrAdd(name: "Allow", value: allow) }
                try response.content.encode(APIError(error: true, reason: reason))
                return response
            }
            do {
                let page = ErrorPage(
                    layout: try await request.layout("Errore", needsToken: false), heading: Self.heading(for: status), message: reason,
                    homeHref: Links.home)
                return try await request.render(page, status: status)
            } catch {
                request.logger.report(error: error)
                return Response(status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: .init(string: reason))
            }
        }
    }

    struct APIError: Content {
        let error: Bool
        let reason: String
    }

    static func heading(for status: HTTPStatus) -> String {
        switch status {
        case .unauthorized: "Accesso richiesto"
        case .forbidden: "Accesso negato"
        case .notFound: "Pagina non trovata"
        case .serviceUnavailable: "Servizio momentaneamente non disponibile"
        case .payloadTooLarge: "File troppo grande"
        default: "Si è verificato un errore"
        }
    }

    /// Abort reasons written by us are Italian; framework defaults (English) are replaced.
    static func message(for status: HTTPStatus, abort: (any AbortError)?) -> String {
        if let reason = abort?.reason, reason != status.reasonPhrase, status != .internalServerError { return reason }
        switch status {
        case .unauthorized: return "Devi accedere per vedere questa pagina."
        case .forbidden: return "Non hai i permessi per questa operazione."
        case .notFound: return "La pagina richiesta non esiste."
        case .badRequest: return "La richiesta non è valida."
        case .unsupportedMediaType: return "Formato dei dati non supportato."
        case .payloadTooLarge:
            return
                "Il file inviato è troppo grande per questo modulo (fino a 20 MB per i piani e i file di monitoraggio, 10 MB per le evidenze): nulla è stato salvato."
        default: return "Errore interno: l'operazione non è stata completata. Riprova; se si ripete, avvisa l'amministratore."
        }
    }
}
