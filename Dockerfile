# One image for every service of the hub; docker-compose.yml picks the entry point per service.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY subgraphs ./subgraphs
COPY gateway ./gateway
COPY scripts ./scripts
RUN npx tsc -p .

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund
COPY --from=build /app/dist ./dist
COPY migrations ./migrations
COPY schema ./schema
USER node
EXPOSE 4000 4001 4002 4003 4004
CMD ["node", "dist/gateway/main.js"]
