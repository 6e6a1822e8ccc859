/** Errors raised by services; messages are Chinese and shown to the user as they are. */

export class ServiceError extends Error {
  override name = 'ServiceError';
}

// One line each: the class name is what the shells show as the kind of failure.
export class PermissionDeniedError extends ServiceError { override name = 'PermissionDeniedError'; }
export class OutputError extends ServiceError { override name = 'OutputError'; }
export class UnknownOccupationError extends ServiceError { override name = 'UnknownOccupationError'; }
export class AuthenticationError extends ServiceError { override name = 'AuthenticationError'; }
export class SessionEndedError extends ServiceError { override name = 'SessionEndedError'; }
export class CancelledError extends ServiceError { override name = 'CancelledError'; }
