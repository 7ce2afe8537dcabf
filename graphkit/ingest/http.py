"""Downloading an article over http(s): size-limited, and redirected only to other http(s) addresses."""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from graphkit.errors import InputError
from graphkit.ingest._base import MAX_DOWNLOAD

__all__ = ["fetch"]


class _WebOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http(s): a page must not send the reader to ftp: or other schemes."""

    def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str) -> Any:
        if urllib.parse.urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise InputError(f"redirected to {newurl!r}; only http(s) addresses are followed", req.full_url)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, timeout: float) -> tuple[bytes, str]:
    opener = urllib.request.build_opener(_WebOnlyRedirects)
    request = urllib.request.Request(url, headers={"User-Agent": "graphkit (news article reader)"})
    try:
        with opener.open(request, timeout=timeout) as response:
            data = response.read(MAX_DOWNLOAD + 1)
            final_url = response.geturl()
    except urllib.error.HTTPError as err:
        raise InputError(f"the server answered HTTP {err.code} {err.reason}", url) from err
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise InputError(f"could not fetch ({reason}); check the address or raise the timeout", url) from err
    if len(data) > MAX_DOWNLOAD:
        raise InputError(f"larger than {MAX_DOWNLOAD // 1_000_000} MB; save the article to a file", url)
    return data, final_url
