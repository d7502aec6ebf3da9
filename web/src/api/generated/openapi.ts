/**
 * Generated from the server's OpenAPI document by `npm run api-types`: do not edit.
 * A test (server/src/openapi/apiTypes.test.ts) fails when this is not what the server publishes.
 */
export interface paths {
  '/api/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness: the process answers */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'ok';
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/health/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Readiness: PostgreSQL, Redis, assets, processor heartbeat, master key (503 SYSTEM_007 if not) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'ready';
              checks: {
                [key: string]: {
                  ok: boolean;
                  message: string;
                };
              };
              warnings: string[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/setup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether the first admin still has to be created */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              needed: boolean;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    /** Create the first admin with the setup code from the server log */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description printed in the server log while no user exists */
            setup_code: string;
            username: string;
            email: string;
            full_name: string;
            password: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: {
                /**
                 * Format: uuid
                 * @description a UUID
                 */
                id: string;
                username: string;
                email: string;
                full_name: string;
                role: 'admin' | 'member';
                is_active: boolean;
                /** Format: date-time */
                last_login_at: string | null;
                /** Format: date-time */
                created_at: string;
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign in; sets the refresh cookie */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json':
            | {
                /** @description username or email */
                login: string;
                password: string;
                /** @description a random id the client keeps, so one device has one session; without it the id is derived from the user agent and device_name */
                device_id?: string;
                device_name?: string;
              }
            | {
                /** @description username or email */
                username: string;
                password: string;
                /** @description a random id the client keeps, so one device has one session; without it the id is derived from the user agent and device_name */
                device_id?: string;
                device_name?: string;
              };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description JWT for `Authorization: Bearer`, valid for expires_in seconds */
              access_token: string;
              /** @enum {string} */
              token_type: 'Bearer';
              expires_in: number;
              /**
               * Format: uuid
               * @description a UUID
               */
              session_id: string;
              user: {
                /**
                 * Format: uuid
                 * @description a UUID
                 */
                id: string;
                username: string;
                email: string;
                full_name: string;
                role: 'admin' | 'member';
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** New access token for the refresh cookie; the cookie is rotated */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description JWT for `Authorization: Bearer`, valid for expires_in seconds */
              access_token: string;
              /** @enum {string} */
              token_type: 'Bearer';
              expires_in: number;
              /**
               * Format: uuid
               * @description a UUID
               */
              session_id: string;
              user: {
                /**
                 * Format: uuid
                 * @description a UUID
                 */
                id: string;
                username: string;
                email: string;
                full_name: string;
                role: 'admin' | 'member';
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign out this device, or every device */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description sign out every device of this account */
            logout_all_devices?: boolean;
            /** @description the design document's field; Keepsake keeps the refresh token in its cookie, so this may be left out. When sent, it must be this session's */
            refresh_token?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              message: string;
              /** @description how many sessions were ended */
              devices_affected: number;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who is signed in */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: {
                /**
                 * Format: uuid
                 * @description a UUID
                 */
                id: string;
                username: string;
                email: string;
                full_name: string;
                role: 'admin' | 'member';
              };
              /**
               * Format: uuid
               * @description a UUID
               */
              session_id: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in user's devices */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              sessions: {
                /**
                 * Format: uuid
                 * @description a UUID
                 */
                id: string;
                device_name: string;
                device_type: string;
                ip: string | null;
                user_agent: string | null;
                /** Format: date-time */
                last_activity_at: string;
                /** Format: date-time */
                created_at: string;
                current: boolean;
                /** @description the design document's name for ip */
                ip_address: string | null;
                /** Format: date-time */
                last_activity: string;
                is_current: boolean;
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sessions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Sign out one of your devices */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description a UUID */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              message: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/media/library': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The gallery, a page at a time: keyset paging (cursor), or numbered pages (page) */
    get: {
      parameters: {
        query: {
          /** @description all (the same as leaving it out), image or video */
          type?: 'all' | 'image' | 'video';
          /** @description only my favourites */
          favourites?: boolean;
          /** @description search: words in the name, caption or camera, and dates (2024, June 2023, 2023-06-01..2023-06-30) */
          q?: string;
          /** @description only the items of this album */
          album?: string;
          /** @description created_at is the design document's name for created */
          sort: 'taken' | 'created' | 'created_at' | 'name';
          order: 'desc' | 'asc';
          limit: number;
          /** @description keyset paging: next_cursor of the last page */
          cursor?: string;
          /** @description numbered paging (the design document's): answers {data, pagination} instead */
          page?: number;
          /** @description jump: start at this instant of a date order (desc: items before it, asc: at or after it), e.g. the first instant after a month to show that month first */
          from?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json':
              | {
                  items: {
                    /**
                     * Format: uuid
                     * @description a UUID
                     */
                    id: string;
                    type: 'image' | 'video';
                    original_name: string;
                    name: string;
                    mime: string | null;
                    size: number;
                    width: number | null;
                    height: number | null;
                    duration: number | null;
                    /** Format: date-time */
                    taken_at: string | null;
                    /** Format: date-time */
                    created_at: string;
                    is_favourite: boolean;
                    caption: string | null;
                    thumbnail_url: string | null;
                    image_url: string | null;
                    preview_url: string | null;
                    scene_preview_url: string | null;
                    poster_url: string | null;
                    trickplay_url: string | null;
                    motion_url: string | null;
                    stream_url: string | null;
                    metadata: {
                      width: number | null;
                      height: number | null;
                      duration?: number | null;
                      size_bytes: number;
                    };
                  }[];
                  next_cursor: string | null;
                  total: number;
                }
              | {
                  data: {
                    /**
                     * Format: uuid
                     * @description a UUID
                     */
                    id: string;
                    type: 'image' | 'video';
                    original_name: string;
                    name: string;
                    mime: string | null;
                    size: number;
                    width: number | null;
                    height: number | null;
                    duration: number | null;
                    /** Format: date-time */
                    taken_at: string | null;
                    /** Format: date-time */
                    created_at: string;
                    is_favourite: boolean;
                    caption: string | null;
                    thumbnail_url: string | null;
                    image_url: string | null;
                    preview_url: string | null;
                    scene_preview_url: string | null;
                    poster_url: string | null;
                    trickplay_url: string | null;
                    motion_url: string | null;
                    stream_url: string | null;
                    metadata: {
                      width: number | null;
                      height: number | null;
                      duration?: number | null;
                      size_bytes: number;
                    };
                  }[];
                  pagination: {
                    total: number;
                    page: number;
                    limit: number;
                    pages: number;
                  };
                };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/media/library/months': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How many items of the view each month (UTC) holds, newest first (months without items left out) */
    get: {
      parameters: {
        query: {
          /** @description all (the same as leaving it out), image or video */
          type?: 'all' | 'image' | 'video';
          /** @description only my favourites */
          favourites?: boolean;
          /** @description search: words in the name, caption or camera, and dates (2024, June 2023, 2023-06-01..2023-06-30) */
          q?: string;
          /** @description only the items of this album */
          album?: string;
          sort: 'taken' | 'created';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              months: {
                /** @description YYYY-MM, UTC */
                month: string;
                count: number;
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/media/library/on-this-day': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** On this day: items taken on this month and day in earlier years, grouped by years ago, newest first */
    get: {
      parameters: {
        query: {
          /** @description the viewer’s today, YYYY-MM-DD */
          date: string;
          /** @description the viewer’s IANA time zone (e.g. Europe/London): a day runs midnight to midnight there */
          tz: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              groups: {
                years_ago: number;
                year: number;
                items: {
                  /**
                   * Format: uuid
                   * @description a UUID
                   */
                  id: string;
                  type: 'image' | 'video';
                  original_name: string;
                  name: string;
                  mime: string | null;
                  size: number;
                  width: number | null;
                  height: number | null;
                  duration: number | null;
                  /** Format: date-time */
                  taken_at: string | null;
                  /** Format: date-time */
                  created_at: string;
                  is_favourite: boolean;
                  caption: string | null;
                  thumbnail_url: string | null;
                  image_url: string | null;
                  preview_url: string | null;
                  scene_preview_url: string | null;
                  poster_url: string | null;
                  trickplay_url: string | null;
                  motion_url: string | null;
                  stream_url: string | null;
                  metadata: {
                    width: number | null;
                    height: number | null;
                    duration?: number | null;
                    size_bytes: number;
                  };
                }[];
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/media/library/continue-watching': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Continue watching: my started, unfinished videos, most recently watched first */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                item: {
                  /**
                   * Format: uuid
                   * @description a UUID
                   */
                  id: string;
                  type: 'image' | 'video';
                  original_name: string;
                  name: string;
                  mime: string | null;
                  size: number;
                  width: number | null;
                  height: number | null;
                  duration: number | null;
                  /** Format: date-time */
                  taken_at: string | null;
                  /** Format: date-time */
                  created_at: string;
                  is_favourite: boolean;
                  caption: string | null;
                  thumbnail_url: string | null;
                  image_url: string | null;
                  preview_url: string | null;
                  scene_preview_url: string | null;
                  poster_url: string | null;
                  trickplay_url: string | null;
                  motion_url: string | null;
                  stream_url: string | null;
                  metadata: {
                    width: number | null;
                    height: number | null;
                    duration?: number | null;
                    size_bytes: number;
                  };
                };
                /** @description where to resume */
                position_seconds: number;
                /** Format: date-time */
                watched_at: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/media/{id}/continue-watching': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Take the video off my Continue watching row (its resume position stays; not on it: no change) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description a UUID */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/media/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One item, with its metadata, video variants and where playback stopped */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description a UUID */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * Format: uuid
               * @description a UUID
               */
              id: string;
              type: 'image' | 'video';
              original_name: string;
              name: string;
              mime: string | null;
              size: number;
              width: number | null;
              height: number | null;
              duration: number | null;
              /** Format: date-time */
              taken_at: string | null;
              /** Format: date-time */
              created_at: string;
              is_favourite: boolean;
              caption: string | null;
              thumbnail_url: string | null;
              image_url: string | null;
              preview_url: string | null;
              scene_preview_url: string | null;
              poster_url: string | null;
              trickplay_url: string | null;
              motion_url: string | null;
              stream_url: string | null;
              /** @description what the processor kept (camera, EXIF, …) with the design document's four fields */
              metadata: {
                width: number | null;
                height: number | null;
                duration?: number | null;
                size_bytes: number;
              } & {
                [key: string]: unknown;
              };
              variants: {
                name: string;
                width: number;
                height: number;
                bandwidth: number;
              }[];
              resume_position: number | null;
              /** @description the kept original, to download (null when not kept or the user may not download): a token of its own */
              original_url: string | null;
              /** @description the signed-in person may move it to the Trash (admins: any item; members: their uploads) */
              can_trash: boolean;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change the item’s caption (trimmed; empty or null clears it) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description a UUID */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            caption: string | null;
          };
        };
      };
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/media/{id}/favourite': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Mark the item as one of my favourites (again: no change) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description a UUID */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    post?: never;
    /** No longer one of my favourites (not one: no change) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description a UUID */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/media/thumbnail/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The 300×300 tile (signed URL) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description a UUID */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'image/webp': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'image/webp': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/media/image/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The photo (WebP, at most 3840×2160) (signed URL) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description a UUID */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'image/webp': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'image/webp': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/media/preview/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A video's animated hover preview (signed URL) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description a UUID */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'image/webp': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'image/webp': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/media/scenes/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A video's animated scene preview (signed URL) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description a UUID */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'image/webp': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'image/webp': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/media/poster/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A video's still poster (signed URL) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description a UUID */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'image/webp': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'image/webp': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/media/trickplay/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A video's seek-bar previews: where each moment's frame is in which sheet (signed URL) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description a UUID */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {number} */
              version: 1;
              /** @description seconds between frames: frame k shows k × interval */
              interval: number;
              count: number;
              tileWidth: number;
              tileHeight: number;
              columns: number;
              rows: number;
              sheets: {
                /** @description the sheet (WebP), signed like the index */
                url: string;
                first: number;
                count: number;
                start: number;
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/media/trickplay/{id}/{sheet}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One sprite sheet of seek-bar previews (WebP, signed URL) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description a UUID */
          id: string;
          sheet: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'image/webp': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'image/webp': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/media/motion/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A Live Photo's motion (MP4, no sound; signed URL, Range supported) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description a UUID */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'video/mp4': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'video/mp4': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/media/original/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The original file, decrypted, under its original name (Range supported)
     * @description Admins always; members while MEMBERS_CAN_DOWNLOAD (else 403 DOWNLOAD_001).
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description a UUID */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/media/download': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Prepare a zip of several originals; answers the URL to download it from
     * @description 403 DOWNLOAD_001 for members while MEMBERS_CAN_DOWNLOAD is off. At most 500 items; the URL works for 10 minutes, for this session only.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            ids: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              url: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/media/download/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The zip of the originals asked for, streamed (items without an original are named in SKIPPED.txt) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description a UUID */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/media/stream/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The master HLS playlist (variant, key and segment URIs inside are absolute-path and signed); for a photo, the photo (WebP) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description a UUID */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/vnd.apple.mpegurl': components['schemas']['ErrorResponse'];
            'image/webp': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/vnd.apple.mpegurl': components['schemas']['ErrorResponse'];
            'image/webp': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/media/stream/{id}/g{generation}/{variant}/index.m3u8': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A variant playlist of one key generation, its key and segment URIs signed */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description a UUID */
          id: string;
          generation: number;
          variant: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/vnd.apple.mpegurl': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/vnd.apple.mpegurl': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/media/subtitles/{id}/{track}/index.m3u8': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The HLS media playlist of one subtitle track (its WebVTT URI signed) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description a UUID */
          id: string;
          track: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/vnd.apple.mpegurl': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/vnd.apple.mpegurl': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/media/subtitles/{id}/{track}/subtitles.vtt': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One subtitle track as WebVTT, decrypted */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description a UUID */
          id: string;
          track: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/vtt': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/vtt': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/media/keys/{keyId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A video's AES-128 HLS key: 16 bytes, never cached (signed URL from the variant playlist) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description a UUID */
          keyId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/octet-stream': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/octet-stream': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/media/segment/{id}/g{generation}/{variant}/{file}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An AES-128 encrypted HLS segment (X-Accel-Redirect behind nginx, streamed otherwise) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description a UUID */
          id: string;
          generation: number;
          variant: string;
          file: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'video/mp2t': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'video/mp2t': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/media/{id}/progress': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Playback heartbeat (every ~10 s while playing): saves the position, holds a stream slot */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description a UUID */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            position_seconds: number;
          };
        };
      };
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/albums': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every album, most recently changed first, with its cover and count */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              albums: {
                /**
                 * Format: uuid
                 * @description a UUID
                 */
                id: string;
                name: string;
                description: string;
                /**
                 * Format: uuid
                 * @description a UUID
                 */
                cover_media_id: string | null;
                cover_chosen: boolean;
                cover_thumbnail_url: string | null;
                item_count: number;
                /**
                 * Format: uuid
                 * @description a UUID
                 */
                created_by: string | null;
                /** Format: date-time */
                created_at: string;
                /** Format: date-time */
                updated_at: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    /** A new, empty album */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            description?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * Format: uuid
               * @description a UUID
               */
              id: string;
              name: string;
              description: string;
              /**
               * Format: uuid
               * @description a UUID
               */
              cover_media_id: string | null;
              cover_chosen: boolean;
              cover_thumbnail_url: string | null;
              item_count: number;
              /**
               * Format: uuid
               * @description a UUID
               */
              created_by: string | null;
              /** Format: date-time */
              created_at: string;
              /** Format: date-time */
              updated_at: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/albums/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One album (its items: GET /api/media/library?album=:id) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description a UUID */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * Format: uuid
               * @description a UUID
               */
              id: string;
              name: string;
              description: string;
              /**
               * Format: uuid
               * @description a UUID
               */
              cover_media_id: string | null;
              cover_chosen: boolean;
              cover_thumbnail_url: string | null;
              item_count: number;
              /**
               * Format: uuid
               * @description a UUID
               */
              created_by: string | null;
              /** Format: date-time */
              created_at: string;
              /** Format: date-time */
              updated_at: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete the album (its media stay in the gallery) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description a UUID */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Rename, describe, or pick the cover (an item of the album; null: back to the first item) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description a UUID */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            description?: string;
            /**
             * Format: uuid
             * @description a UUID
             */
            cover_media_id?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * Format: uuid
               * @description a UUID
               */
              id: string;
              name: string;
              description: string;
              /**
               * Format: uuid
               * @description a UUID
               */
              cover_media_id: string | null;
              cover_chosen: boolean;
              cover_thumbnail_url: string | null;
              item_count: number;
              /**
               * Format: uuid
               * @description a UUID
               */
              created_by: string | null;
              /** Format: date-time */
              created_at: string;
              /** Format: date-time */
              updated_at: string;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/albums/{id}/items': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add items (already in the album: no change); all must be in the gallery, else none is added */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description a UUID */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            media_ids: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              added: number;
              item_count: number;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/albums/{id}/items/{mediaId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Take one item out of the album (not in it: no change); the item stays in the gallery */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description a UUID */
          id: string;
          /** @description a UUID */
          mediaId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/trash': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What is in the trash, most recently trashed first (members: the items they uploaded) */
    get: {
      parameters: {
        query: {
          limit: number;
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /**
                 * Format: uuid
                 * @description a UUID
                 */
                id: string;
                type: 'image' | 'video' | (never | null);
                original_name: string;
                size: number;
                width: number | null;
                height: number | null;
                duration: number | null;
                /** Format: date-time */
                taken_at: string | null;
                /** Format: date-time */
                created_at: string;
                /**
                 * Format: uuid
                 * @description a UUID
                 */
                uploaded_by: string | null;
                /** Format: date-time */
                trashed_at: string;
                /**
                 * Format: uuid
                 * @description a UUID
                 */
                trashed_by: string | null;
                /** Format: date-time */
                delete_after: string;
              }[];
              next_cursor: string | null;
              /** @description TRASH_DAYS: days an item stays before it is deleted for good */
              trash_days: number;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/media/trash': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Move items to the trash: they leave the library and their URLs answer 404 at once
     * @description Admins any item, members only the items they uploaded (else 403 TRASH_001 with details.forbidden; nothing changes). Ids not in the library: 404 MEDIA_001 with details.missing.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            ids: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description ids that moved (already there: left out) */
              trashed: string[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/trash/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Restore items from the trash into the library, as they were
     * @description Admins any item, members only the items they uploaded (else 403 TRASH_001 with details.forbidden; nothing changes). Ids neither in the trash nor the library: 404 MEDIA_001.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            ids: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description ids back in the library */
              restored: string[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/trash/delete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Delete items in the trash forever: their keys are destroyed first, then their files
     * @description Admins any item, members only the items they uploaded (else 403 TRASH_001 with details.forbidden; nothing changes). Items not in the trash: 409 SYSTEM_006 with details.not_in_trash; unknown ids 404 MEDIA_001.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            ids: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description ids whose keys are destroyed: gone for good */
              deleted: string[];
              /** @description false: their (unreadable) files are left to the processor's next cleanup pass */
              files_removed: boolean;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/trash/{id}/thumbnail': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A trashed item's thumbnail (WebP), for the Trash page: Bearer only, not cached
     * @description Admins any trashed item, members the ones they uploaded (else 403 TRASH_001); 404 MEDIA_001 for an item not in the trash.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description a UUID */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'image/webp': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'image/webp': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/uploads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether the signed-in person may upload, the largest file, and the chunk size to send */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              can_upload: boolean;
              max_bytes: number;
              chunk_bytes: number;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    /**
     * Start an upload (tus creation): Upload-Length is required; refused before anything is stored
     * @description 413 UPLOAD_001 over UPLOAD_MAX_BYTES, 507 UPLOAD_002 when the disk would fall below UPLOAD_MIN_FREE_BYTES, 403 UPLOAD_003 for members when MEMBERS_CAN_UPLOAD is off. The answer's Location is the upload's URL; the PATCH that completes it carries Keepsake-Import-Path.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description tus protocol version (1.0.0) */
          'tus-resumable'?: string;
          /** @description the whole file, in bytes */
          'upload-length'?: string;
          /** @description filename and filetype, base64 (tus) */
          'upload-metadata'?: string;
          /** @description where this chunk starts */
          'upload-offset'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/uploads/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** tus: HEAD how much has arrived, PATCH the next chunk, DELETE give the upload up */
    delete: {
      parameters: {
        query?: never;
        header?: {
          /** @description tus protocol version (1.0.0) */
          'tus-resumable'?: string;
          /** @description the whole file, in bytes */
          'upload-length'?: string;
          /** @description filename and filetype, base64 (tus) */
          'upload-metadata'?: string;
          /** @description where this chunk starts */
          'upload-offset'?: string;
        };
        path: {
          /** @description an upload id */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    options?: never;
    /** tus: HEAD how much has arrived, PATCH the next chunk, DELETE give the upload up */
    head: {
      parameters: {
        query?: never;
        header?: {
          /** @description tus protocol version (1.0.0) */
          'tus-resumable'?: string;
          /** @description the whole file, in bytes */
          'upload-length'?: string;
          /** @description filename and filetype, base64 (tus) */
          'upload-metadata'?: string;
          /** @description where this chunk starts */
          'upload-offset'?: string;
        };
        path: {
          /** @description an upload id */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    /** tus: HEAD how much has arrived, PATCH the next chunk, DELETE give the upload up */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description tus protocol version (1.0.0) */
          'tus-resumable'?: string;
          /** @description the whole file, in bytes */
          'upload-length'?: string;
          /** @description filename and filetype, base64 (tus) */
          'upload-metadata'?: string;
          /** @description where this chunk starts */
          'upload-offset'?: string;
        };
        path: {
          /** @description an upload id */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description No content */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/admin/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every user */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              users: {
                /**
                 * Format: uuid
                 * @description a UUID
                 */
                id: string;
                username: string;
                email: string;
                full_name: string;
                role: 'admin' | 'member';
                is_active: boolean;
                /** Format: date-time */
                last_login_at: string | null;
                /** Format: date-time */
                created_at: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    /** Create a user (password policy applies) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            username: string;
            email: string;
            full_name: string;
            password: string;
            /** @description admin or member; user (the design document's name) is the same as member */
            role?: 'admin' | 'member' | 'user';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: {
                /**
                 * Format: uuid
                 * @description a UUID
                 */
                id: string;
                username: string;
                email: string;
                full_name: string;
                role: 'admin' | 'member';
                is_active: boolean;
                /** Format: date-time */
                last_login_at: string | null;
                /** Format: date-time */
                created_at: string;
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Disable or enable a user (disabling ends their sessions), or change their role */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description a UUID */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            is_active?: boolean;
            /** @description admin or member; user (the design document's name) is the same as member */
            role?: 'admin' | 'member' | 'user';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: {
                /**
                 * Format: uuid
                 * @description a UUID
                 */
                id: string;
                username: string;
                email: string;
                full_name: string;
                role: 'admin' | 'member';
                is_active: boolean;
                /** Format: date-time */
                last_login_at: string | null;
                /** Format: date-time */
                created_at: string;
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/admin/users/{id}/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Set a user's password (ends their sessions) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description a UUID */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            password: string;
          };
        };
      };
      responses: {
        /** @description No content */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/queue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The processing queue and its failures, most recently changed first */
    get: {
      parameters: {
        query: {
          status?: 'queued' | 'processing' | 'completed' | 'failed';
          limit: number;
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              jobs: {
                id: number;
                /** @description relative to IMPORTS_DIR */
                path: string;
                size: number;
                status: 'queued' | 'processing' | 'completed' | 'failed';
                attempts: number;
                max_attempts: number;
                stage: string | null;
                progress: number | null;
                error: string | null;
                error_code: string | null;
                failed_path: string | null;
                media_id: string | null;
                /** Format: date-time */
                queued_at: string;
                /** Format: date-time */
                started_at: string | null;
                /** Format: date-time */
                completed_at: string | null;
                /** Format: date-time */
                updated_at: string;
              }[];
              counts: {
                [key: string]: number;
              };
              next_cursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/queue/{id}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Queue a failed file again */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              job: {
                id: number;
                /** @description relative to IMPORTS_DIR */
                path: string;
                size: number;
                status: 'queued' | 'processing' | 'completed' | 'failed';
                attempts: number;
                max_attempts: number;
                stage: string | null;
                progress: number | null;
                error: string | null;
                error_code: string | null;
                failed_path: string | null;
                media_id: string | null;
                /** Format: date-time */
                queued_at: string;
                /** Format: date-time */
                started_at: string | null;
                /** Format: date-time */
                completed_at: string | null;
                /** Format: date-time */
                updated_at: string;
              };
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The audit log, newest first; filter by user, action ("auth." for a family) and time */
    get: {
      parameters: {
        query: {
          /** @description a UUID */
          user_id?: string;
          action?: string;
          from?: string;
          to?: string;
          limit: number;
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              entries: {
                id: number;
                /** Format: date-time */
                created_at: string;
                action: string;
                user_id: string | null;
                username: string | null;
                session_id: string | null;
                media_id: string | null;
                client_ip: string | null;
                via_vpn: boolean;
                status: number | null;
                bytes: number | null;
                details: {
                  [key: string]: unknown;
                };
              }[];
              next_cursor: string | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/storage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Items by type and status, bytes under ASSETS_DIR, and free disk space */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              media: {
                type: string | null;
                status: string;
                count: number;
                original_bytes: number;
              }[];
              assets: {
                total_bytes: number;
                by_folder: {
                  [key: string]: number;
                };
                files: number;
                /** Format: date-time */
                measured_at: string;
              };
              disk: {
                total_bytes: number;
                free_bytes: number;
              } | null;
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Allowlist self-check, processor heartbeats, key rotation */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              allowlist: {
                seen: number;
                sees_real_clients: boolean;
                warning: string | null;
                recent: string[];
              };
              processor: {
                alive: boolean;
                workers: {
                  worker_id: string;
                  host: string | null;
                  pid: number | null;
                  started_at: string | null;
                  at: string | null;
                }[];
              };
              key_rotation: {
                /** Format: date-time */
                last_run: string | null;
                /** Format: date-time */
                next_due: string | null;
                overdue: boolean;
                latest: {
                  status: string;
                  started_at: string;
                  items_done: number;
                  items_total: number;
                  items_failed: number;
                } | null;
                active_keys: number;
              };
              warnings: string[];
            };
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        '5XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Live processing progress as Server-Sent Events (event: progress, event: media) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** Error */
    ErrorResponse: {
      error: {
        /** @description AUTH_00x, SEC_00x, MEDIA_00x, UPLOAD_00x, DOWNLOAD_00x, TRASH_00x or SYSTEM_00x (ARCHITECTURE.md) */
        code: string;
        message: string;
        details: unknown;
        /** Format: date-time */
        timestamp: string;
      };
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
