"""Errors the endpoints raise; `api.py` turns them into `{"error": …, "detail": …}`."""


class ApiError(Exception):
    def __init__(self, status, code, detail, headers=None):
        super().__init__(detail)
        self.status = status
        self.code = code
        self.detail = detail
        self.headers = headers or {}


def bad_request(detail):
    return ApiError(400, "bad_request", detail)


def not_found(detail):
    return ApiError(404, "not_found", detail)
