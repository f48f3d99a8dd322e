-- orgs.find
SELECT
  id,
  parent_id AS "parentId",
  kind,
  name,
  path,
  depth
FROM
  organizations
WHERE
  id = $1;

-- orgs.listSubtree
SELECT
  id,
  parent_id AS "parentId",
  kind,
  name,
  depth
FROM
  organizations o
WHERE
  (o.path LIKE $1)
ORDER BY
  path;

-- orgs.browse
WITH
  p AS (
    SELECT
      o.*,
      count(*) OVER () AS total
    FROM
      organizations o
    WHERE
      (o.path LIKE $1)
      AND o.path LIKE $2
      AND strpos(lower(o.name), lower($3)) > 0
      AND o.kind = ANY ($4::TEXT[])
    ORDER BY
      lower(o.name) = lower($3) DESC,
      strpos(lower(o.name), lower($3)),
      o.depth,
      o.name,
      o.id
    LIMIT
      20
    OFFSET
      0
  )
SELECT
  p.id,
  p.parent_id AS "parentId",
  p.kind,
  p.name,
  p.depth,
  (
    SELECT
      count(*)::int
    FROM
      organizations c
    WHERE
      c.parent_id = p.id
  ) AS "childCount",
  coalesce(
    (
      SELECT
        st.learners
      FROM
        org_state_subtree st
      WHERE
        st.org_id = p.id
    ),
    0
  ) AS learners,
  (
    SELECT
      coalesce(
        json_agg(
          json_build_object('id', a.id, 'kind', a.kind, 'name', a.name)
          ORDER BY
            a.depth
        ),
        '[]'
      )
    FROM
      organizations a
    WHERE
      a.id = ANY (
        string_to_array(
          trim(
            BOTH '/'
            FROM
              p.path
          ),
          '/'
        )::UUID[]
      )
      AND a.id <> p.id
      AND (a.path LIKE $5)
  ) AS trail,
  p.total
FROM
  p
ORDER BY
  lower(p.name) = lower($3) DESC,
  strpos(lower(p.name), lower($3)),
  p.depth,
  p.name,
  p.id;

-- orgs.node
SELECT
  p.id,
  p.parent_id AS "parentId",
  p.kind,
  p.name,
  p.depth,
  (
    SELECT
      count(*)::int
    FROM
      organizations c
    WHERE
      c.parent_id = p.id
  ) AS "childCount",
  coalesce(
    (
      SELECT
        st.learners
      FROM
        org_state_subtree st
      WHERE
        st.org_id = p.id
    ),
    0
  ) AS learners,
  (
    SELECT
      coalesce(
        json_agg(
          json_build_object('id', a.id, 'kind', a.kind, 'name', a.name)
          ORDER BY
            a.depth
        ),
        '[]'
      )
    FROM
      organizations a
    WHERE
      a.id = ANY (
        string_to_array(
          trim(
            BOTH '/'
            FROM
              p.path
          ),
          '/'
        )::UUID[]
      )
      AND a.id <> p.id
      AND (a.path LIKE $2)
  ) AS trail
FROM
  organizations p
WHERE
  p.id = $1;

-- orgs.joinable
SELECT
  o.id,
  o.kind,
  o.name,
  (
    SELECT
      coalesce(
        json_agg(
          json_build_object('kind', a.kind, 'name', a.name)
          ORDER BY
            a.depth
        ),
        '[]'
      )
    FROM
      organizations a
    WHERE
      a.id = ANY (
        string_to_array(
          trim(
            BOTH '/'
            FROM
              o.path
          ),
          '/'
        )::UUID[]
      )
      AND a.id <> o.id
      AND a.depth > 0
  ) AS trail
FROM
  organizations o
WHERE
  o.kind = ANY ($2::TEXT[])
  AND strpos(lower(o.name), lower($1)) > 0
ORDER BY
  lower(o.name) = lower($1) DESC,
  strpos(lower(o.name), lower($1)),
  o.depth,
  o.name,
  o.id
LIMIT
  $3
OFFSET
  $4;
SELECT
  count(*)::int AS n
FROM
  organizations o
WHERE
  o.kind = ANY ($2::TEXT[])
  AND strpos(lower(o.name), lower($1)) > 0;

-- orgs.insert
WITH
  new_id AS (
    SELECT
      gen_random_uuid() AS id
  )
INSERT INTO
  organizations (id, parent_id, kind, name, path, depth)
SELECT
  id,
  $1,
  $2,
  $3,
  $4 || id::text || '/',
  $5
FROM
  new_id
ON CONFLICT DO NOTHING
RETURNING
  id,
  parent_id AS "parentId",
  kind,
  name,
  depth;
