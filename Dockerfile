# One image for both processes; docker-compose.yml picks the command.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund || npm install --no-audit --no-fund
RUN npx nx run-many -t build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app /app
EXPOSE 3333 3000
CMD ["node", "apps/api/dist/main.js"]
