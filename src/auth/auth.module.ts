import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppThrottlerGuard } from './app-throttler.guard';
import { EnvironmentVariables, jwtSecretOf } from '../config/env.validation';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { FirstAdminCheck } from './first-admin-check';
import { isLoginThrottled } from './login-throttle';
import { RedisThrottlerStorage } from './redis-throttler-storage';
import { REDIS, REDIS_PREFIX, type RedisClient } from '../redis/redis.module';

const MINUTE = 60_000;

@Module({
  imports: [
    UsersModule,
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<EnvironmentVariables, true>) => ({
        // A prepared HMAC key: given a string, jsonwebtoken first tries (and fails) to parse it as a
        // public key on every verification, about 9% of the CPU of a request (issue 11).
        secret: createSecretKey(Buffer.from(jwtSecretOf(config.get('JWT_SECRET', { infer: true }), config.get('NODE_ENV', { infer: true })))),
        signOptions: { expiresIn: config.get('JWT_EXPIRES_IN', { infer: true }), algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [ConfigService, REDIS, REDIS_PREFIX],
      useFactory: (config: ConfigService<EnvironmentVariables, true>, redis: RedisClient, prefix: string) => {
        const perMinute = config.get('RATE_LIMIT_PER_MINUTE', { infer: true });
        return {
          // With REDIS_URL, every instance counts the same attempts (API and web sign-in alike).
          ...(redis ? { storage: new RedisThrottlerStorage(redis, prefix) } : {}),
          errorMessage: 'Too many requests from this client; try again in a minute',
          throttlers: [
            // Password guessing: counted on the login route only.
            {
              name: 'login',
              ttl: MINUTE,
              limit: config.get('LOGIN_ATTEMPTS_PER_MINUTE', { infer: true }),
              skipIf: (context) => !isLoginThrottled(context),
            },
            // Off unless configured, so imports, scripts and report runs are never throttled by surprise.
            { name: 'api', ttl: MINUTE, limit: Math.max(perMinute, 1), skipIf: () => perMinute === 0 },
          ],
        };
      },
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    FirstAdminCheck,
    { provide: APP_GUARD, useClass: AppThrottlerGuard },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
})
export class AuthModule {}
